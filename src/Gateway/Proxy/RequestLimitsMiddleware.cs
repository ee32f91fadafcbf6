namespace Gateway.Proxy;

/// <summary>
/// A route's request body limit, <c>MaxRequestBodySize</c> (YARP's route setting: the whole body). A declared
/// Content-Length over the limit is refused before the service is called; otherwise the body is counted as it
/// streams (<see cref="LimitedRequestBody"/>). YARP also gives Kestrel the route's body limit on requests that do not
/// stream; either way the answer names the limit. The size of each gRPC message is the service's to limit
/// (Grpc.AspNetCore's <c>MaxReceiveMessageSize</c>, <c>Grpc:Server:MaxReceiveMessageSize</c>: RESOURCE_EXHAUSTED).
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var route = context.GetReverseProxyFeature().Route.Config;
        if (route.MaxRequestBodySize is not { } limit || limit <= 0)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength is { } declared && declared > limit)
        {
            context.Features.Set(new RequestLimitViolation($"The request body of {declared} bytes is larger than the limit of {limit} bytes."));
            return;
        }
        context.Request.Body = new LimitedRequestBody(context.Request.Body, context, limit);
        await next(context);
    }
}
