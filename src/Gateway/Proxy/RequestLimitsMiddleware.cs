using System.Globalization;
using Yarp.ReverseProxy.Model;

namespace Gateway.Proxy;

/// <summary>
/// A route's request size limits: <c>MaxRequestBodySize</c> (YARP's route setting: the whole body) and
/// <c>Metadata:MaxRequestMessageSize</c> (each gRPC request message, so a long client stream can live while
/// one huge message cannot). A declared Content-Length over the limit is refused before the service is
/// called; otherwise the body is counted as it streams (<see cref="LimitedRequestBody"/>). YARP also gives Kestrel
/// the route's body limit on requests that do not stream; either way the answer names the limit.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next)
{
    public const string MaxRequestMessageSizeKey = "MaxRequestMessageSize";

    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        var maxBody = route.MaxRequestBodySize is > 0 ? route.MaxRequestBodySize : null;
        long? maxMessage = route.Metadata?.TryGetValue(MaxRequestMessageSizeKey, out var text) == true
            ? long.Parse(text, CultureInfo.InvariantCulture)
            : null;
        if (maxBody is null && maxMessage is null)
        {
            await next(context);
            return;
        }
        if (maxBody is { } limit && context.Request.ContentLength is { } declared && declared > limit)
        {
            context.Features.Set(new RequestLimitViolation($"The request body of {declared} bytes is larger than the limit of {limit} bytes."));
            return;
        }
        var isGrpc = GrpcResponses.IsGrpcRequest(context.Request);
        context.Request.Body = new LimitedRequestBody(context.Request.Body, context, maxBody,
            maxMessage is { } messageLimit && isGrpc ? new GrpcMessageSizeMeter(messageLimit) : null);
        await next(context);
    }
}
