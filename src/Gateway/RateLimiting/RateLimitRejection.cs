using System.Globalization;
using Gateway.Proxy;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.RateLimiting;
using ReviewMechanism.ServiceDefaults.Grpc;
using Yarp.ReverseProxy.Model;

namespace Gateway.RateLimiting;

/// <summary>
/// How a refused request is answered. Over a limit: RESOURCE_EXHAUSTED with google.rpc.RetryInfo and ErrorInfo
/// (reason RATE_LIMITED, metadata <c>subject</c> = the bucket and <c>limit</c>) for gRPC, 429 with Retry-After
/// otherwise. Redis unreachable with <c>RateLimiting:FailClosed</c>: UNAVAILABLE (RATE_LIMITING_UNAVAILABLE) / 503.
/// </summary>
public static partial class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var refusal = rejected.Lease.TryGetMetadata(RateLimitRefusal.Metadata, out var known) ? known
            : new RateLimitRefusal(null, rejected.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1), Unavailable: false);
        if (refusal!.Unavailable)
        {
            await GrpcResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, GrpcErrors.Refusal(Grpc.Core.StatusCode.Unavailable,
                "Rate limiting is unavailable, so the request was refused; retry later.", RefusalReasons.RateLimitingUnavailable, [("method", context.Request.Path.Value)]));
            return;
        }

        var subject = refusal.Bucket?.Subject ?? "this caller";
        var limit = refusal.Bucket?.Options.ToString() ?? "of the route";
        var message = $"Too many requests from {subject} (limit {limit}); retry in {RedisTokenBuckets.Describe(refusal.RetryAfter)}.";
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection));
        LogLimited(logger, subject, context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId ?? context.Request.Path.Value ?? "");
        if (GrpcResponses.IsGrpcRequest(context.Request))
        {
            await TrailersOnlyStatus.WriteAsync(context, GrpcErrors.Refusal(Grpc.Core.StatusCode.ResourceExhausted, message, RefusalReasons.RateLimited,
                [("subject", subject), ("limit", limit), ("method", context.Request.Path.Value)],
                new RetryInfo { RetryDelay = Duration.FromTimeSpan(refusal.RetryAfter) }));
            return;
        }
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n", cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit reached for {Bucket} on route {RouteId}")]
    private static partial void LogLimited(ILogger logger, string bucket, string routeId);
}
