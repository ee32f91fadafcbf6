using Grpc.Core;
using Microsoft.AspNetCore.Http;
using ReviewMechanism.ServiceDefaults.Errors;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// A gRPC call that no endpoint matched (an unknown service, or a method the service's contract has but it does not
/// serve) is answered UNIMPLEMENTED with an ErrorInfo (reason <see cref="RefusalReasons.UnknownMethod"/>, metadata
/// <c>method</c>), like every other refusal. Grpc.AspNetCore's own answer carries no details, so it is switched off
/// (<c>IgnoreUnknownServices</c>). The answer is written on the way back from the rest of the pipeline, once it ended
/// in the empty 404 of "no endpoint": that holds wherever a service puts its routing; other requests keep their 404.
/// </summary>
public sealed class UnknownRpcMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context).ConfigureAwait(false);
        if (context.Response.HasStarted || context.Response.StatusCode != StatusCodes.Status404NotFound || !TrailersOnlyStatus.IsGrpcRequest(context.Request))
        {
            return;
        }
        var method = context.Request.Path.Value;
        await TrailersOnlyStatus.WriteAsync(context, GrpcErrors.Refusal(StatusCode.Unimplemented,
            $"No RPC {ErrorText.Cut(method)} is served here.", RefusalReasons.UnknownMethod, [("method", method)])).ConfigureAwait(false);
    }
}
