using Grpc.Core;
using ReviewMechanism.ServiceDefaults.Grpc;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// The first step of every route's proxy pipeline: after YARP has forwarded (or failed to), a failure that
/// happened before any response byte left is answered in the caller's protocol with a message saying what
/// went wrong: gRPC callers get UNAVAILABLE (with the HTTP 502/503/504 kept; ErrorInfo reason SERVICE_UNAVAILABLE or
/// SERVICE_TIMEOUT, metadata <c>service</c>) or RESOURCE_EXHAUSTED (HTTP 200, REQUEST_TOO_LARGE: a request over the
/// route's size limits); browsers get the status and a line of text. YARP itself only sets
/// the status code, which a gRPC client reports as "Bad gateway" without a reason.
/// </summary>
public sealed partial class ProxyErrorMiddleware(RequestDelegate next, IConfiguration configuration, ILogger<ProxyErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        if (context.Response.HasStarted)
        {
            return;
        }
        if (context.Features.Get<RequestLimitViolation>() is { } violation)
        {
            await GrpcResponses.WriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge,
                GrpcErrors.Refusal(StatusCode.ResourceExhausted, violation.Message, RefusalReasons.RequestTooLarge, [("method", context.Request.Path.Value)]),
                StatusCodes.Status200OK);
            return;
        }
        if (context.Features.Get<IForwarderErrorFeature>() is not { } error)
        {
            return;
        }
        var cluster = context.GetReverseProxyFeature().Cluster?.Config.ClusterId;
        switch (error.Error)
        {
            case ForwarderError.NoAvailableDestinations:
                await NoDestinationAsync(context);
                break;
            case ForwarderError.Request or ForwarderError.RequestCreation or ForwarderError.ResponseHeaders
                or ForwarderError.RequestBodyDestination or ForwarderError.ResponseBodyDestination:
                await GrpcResponses.WriteErrorAsync(context, StatusCodes.Status502BadGateway,
                    Unavailable(context, "The service could not be reached.", RefusalReasons.ServiceUnavailable, cluster));
                break;
            case ForwarderError.RequestTimedOut:
                await GrpcResponses.WriteErrorAsync(context, StatusCodes.Status504GatewayTimeout,
                    Unavailable(context, "The service did not answer within the gateway's activity timeout.", RefusalReasons.ServiceTimeout, cluster));
                break;
            default:
                // The caller's own failures (it cancelled, or its request body broke): there is nobody to tell.
                break;
        }
    }

    private async Task NoDestinationAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var clusterId = proxy.Cluster?.Config.ClusterId ?? "unknown";
        if (proxy.AllDestinations.Count > 0)
        {
            await GrpcResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable,
                Unavailable(context, $"No healthy instance of the '{clusterId}' service is available; retry later.", RefusalReasons.ServiceUnavailable, clusterId));
            return;
        }
        var keys = configuration.GetSection($"ReverseProxy:Clusters:{clusterId}:Destinations").GetChildren()
            .Select(d => d["Address"]).OfType<string>().SelectMany(ServiceAddresses.ConfigurationKeys).ToArray();
        LogNoAddress(logger, proxy.Route.Config.RouteId, clusterId, keys.Length == 0 ? "a destination address" : string.Join(" or ", keys));
        await GrpcResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable,
            Unavailable(context, $"The '{clusterId}' service is not available: no address is configured for it.", RefusalReasons.ServiceUnavailable, clusterId));
    }

    private static Google.Rpc.Status Unavailable(HttpContext context, string message, string reason, string? cluster) =>
        GrpcErrors.Refusal(StatusCode.Unavailable, message, reason, [("method", context.Request.Path.Value), ("service", cluster)]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route {RouteId}: cluster {ClusterId} has no destination; service discovery found no address (set {Keys}).")]
    private static partial void LogNoAddress(ILogger logger, string routeId, string clusterId, string keys);
}
