using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.Extensions.Options;
using ReviewMechanism.Grpc;
using ReviewMechanism.ReverseProxy.Forwarder;
using ReviewMechanism.ReverseProxy.Model;

namespace Gateway.RateLimiting;

/// <summary>
/// Applies the route's rate limiter policy: one permit per request from the caller's client bucket
/// (authenticated callers) and IP bucket, spent from this replica's lease when it holds one (PermitLeases), else
/// taken from Redis with the next batch. Refused: RESOURCE_EXHAUSTED with google.rpc.RetryInfo and
/// ErrorInfo (reason RATE_LIMITED, the bucket) for gRPC, 429 with Retry-After otherwise. Redis unreachable: through with a warning
/// (at most one every 30 s), or refused when RateLimiting:FailClosed is true.
/// </summary>
public sealed partial class GatewayRateLimitingMiddleware(
    RequestDelegate next,
    RedisTokenBuckets buckets,
    PermitLeases leases,
    IOptions<RateLimitingOptions> options,
    TimeProvider time,
    ILogger<GatewayRateLimitingMiddleware> logger)
{
    public const string DisablePolicy = "Disable";
    public const string DefaultPolicy = "Default";

    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(30);
    private long _lastWarningTicks = long.MinValue;

    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
        var settings = options.Value;
        if (route is null || !settings.Enabled || ResolvePolicy(route, settings) is not { } policy)
        {
            await next(context);
            return;
        }

        var requested = Buckets(context, policy.Name, policy.Options, settings.KeyPrefix);
        if (requested.Count == 0)
        {
            await next(context);
            return;
        }

        if (leases.TryTake(requested))
        {
            await next(context);
            return;
        }

        RateLimitDecision decision;
        try
        {
            decision = await WithTimeout(buckets.TakeAsync(requested, leases.Prepare(requested, settings.MaxLease)), settings.RedisTimeout);
        }
        catch (Exception ex)
        {
            if (settings.FailClosed)
            {
                LogRefusedWithoutRedis(logger, ex.Message);
                await ProxyErrorResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, ReviewMechanism.Grpc.StatusCode.Unavailable,
                    "Rate limiting is unavailable, so the request was refused; retry later.");
                return;
            }
            WarnFailOpen(ex);
            await next(context);
            return;
        }

        if (decision.Allowed)
        {
            leases.Complete(requested, decision.Granted, settings.LeaseDuration);
            await next(context);
            return;
        }
        var limited = requested[Math.Clamp(decision.LimitedBucket, 0, requested.Count - 1)];
        LogLimited(logger, policy.Name, limited.Subject, route.RouteId);
        await RejectAsync(context, limited, decision.RetryAfter);
    }

    private static (string Name, RateLimitPolicyOptions Options)? ResolvePolicy(RouteModel route, RateLimitingOptions settings)
    {
        var name = route.Config.RateLimiterPolicy;
        if (string.Equals(name, DisablePolicy, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (name is null || string.Equals(name, DefaultPolicy, StringComparison.OrdinalIgnoreCase))
        {
            name = settings.DefaultPolicy;
        }
        return name is not null && settings.Policies.TryGetValue(name, out var policy) ? (name, policy) : null;
    }

    private static List<RequestedBucket> Buckets(HttpContext context, string policy, RateLimitPolicyOptions options, string prefix)
    {
        var result = new List<RequestedBucket>(2);
        if (options.PerClient is { } perClient && context.User.Identity?.IsAuthenticated == true
            && (context.User.FindFirst("sub")?.Value ?? context.User.FindFirst("client_id")?.Value) is { Length: > 0 } client)
        {
            result.Add(new RequestedBucket($"{prefix}:{policy}:client:{client}", $"client:{client}", perClient));
        }
        if (options.PerIp is { } perIp && context.Connection.RemoteIpAddress is { } ip)
        {
            var address = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
            result.Add(new RequestedBucket($"{prefix}:{policy}:ip:{address}", $"ip:{address}", perIp));
        }
        return result;
    }

    private static async Task RejectAsync(HttpContext context, RequestedBucket bucket, TimeSpan retryAfter)
    {
        var message = $"Too many requests from {bucket.Subject} (limit {bucket.Options}); retry in {RedisTokenBuckets.Describe(retryAfter)}.";
        if (ProxyErrorResponses.IsGrpcRequest(context.Request))
        {
            var info = new ErrorInfo { Reason = "RATE_LIMITED", Domain = "gateway.review-mechanism" };
            info.Metadata.Add("subject", bucket.Subject);
            info.Metadata.Add("limit", bucket.Options.ToString());
            var error = RpcErrors.WithDetails(ReviewMechanism.Grpc.StatusCode.ResourceExhausted, message,
                new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }, info);
            await ProxyErrorResponses.WriteRpcExceptionAsync(context, error);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }

    private static async Task<T> WithTimeout<T>(Task<T> task, TimeSpan timeout)
    {
        if (task.IsCompleted)
        {
            return await task;
        }
        using var delay = new CancellationTokenSource();
        var winner = await Task.WhenAny(task, Task.Delay(timeout, delay.Token));
        if (winner != task)
        {
            _ = task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            throw new TimeoutException($"Redis did not answer within {timeout.TotalMilliseconds:0} ms.");
        }
        delay.Cancel();
        return await task;
    }

    private void WarnFailOpen(Exception ex)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < WarningInterval)
        {
            return;
        }
        if (Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
        {
            LogFailOpen(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits are not enforced: Redis could not be asked ({Reason}). Requests pass unlimited until it answers (RateLimiting:FailClosed=false).")]
    private static partial void LogFailOpen(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request refused: Redis could not be asked for rate limits ({Reason}) and RateLimiting:FailClosed is true.")]
    private static partial void LogRefusedWithoutRedis(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit {Policy} reached for {Bucket} on route {RouteId}")]
    private static partial void LogLimited(ILogger logger, string policy, string bucket, string routeId);
}
