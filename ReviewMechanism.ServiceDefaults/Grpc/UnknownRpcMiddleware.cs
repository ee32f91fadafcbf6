using Grpc.Core;
using Microsoft.AspNetCore.Http;
using ReviewMechanism.ServiceDefaults.Errors;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// A gRPC call that no endpoint matched (an unknown service, or a method the service's contract has but it does not
/// serve) is answered UNIMPLEMENTED with an ErrorInfo (reason <see cref="RefusalReasons.UnknownMethod"/>, metadata
/// <c>method</c>), like every other refusal. Grpc.AspNetCore's own answer carries no details, so it is switched off
/// (<c>IgnoreUnknownServices</c>) and unmatched calls come here; other requests pass on (a 404 for a page).
/// </summary>
public sealed class UnknownRpcMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not null || !IsGrpcRequest(context.Request))
        {
            return next(context);
        }
        var method = context.Request.Path.Value;
        return TrailersOnlyStatus.WriteAsync(context, GrpcErrors.Refusal(StatusCode.Unimplemented,
            $"No RPC {ErrorText.Cut(method)} is served here.", RefusalReasons.UnknownMethod, [("method", method)]));
    }

    private static bool IsGrpcRequest(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.ContentType is { } contentType
        && contentType.StartsWith(TrailersOnlyStatus.ContentType, StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == TrailersOnlyStatus.ContentType.Length || contentType[TrailersOnlyStatus.ContentType.Length] is '+' or ';');
}
