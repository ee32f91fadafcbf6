using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.ServiceDefaults.Grpc;

namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// Refusals in the caller's protocol. ASP.NET Core's authorization middleware evaluates the RPC's
/// <c>[Authorize]</c> metadata; for a gRPC request its refusal is sent as a gRPC status with the rich error model
/// (<see cref="TrailersOnlyStatus"/>: HTTP 200, trailers-only, a google.rpc.ErrorInfo with metadata <c>method</c>)
/// rather than a bare 401/403: UNAUTHENTICATED without a token (reason UNAUTHENTICATED) or with a refused one
/// (TOKEN_REFUSED), UNAVAILABLE ("retry later", TOKEN_CHECK_UNAVAILABLE) while the token cannot be checked at all
/// (<see cref="IAuthenticationAvailability"/>), PERMISSION_DENIED (CALLER_NOT_ALLOWED, metadata <c>requires</c>)
/// naming what the RPC requires. Other requests get ASP.NET Core's answers.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !TrailersOnlyStatus.IsGrpcRequest(context.Request) || context.Response.HasStarted)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName ?? context.Request.Path.Value ?? "";
        if (authorizeResult.Challenged)
        {
            if (context.RequestServices.GetService<IAuthenticationAvailability>() is { } availability
                && await availability.IsUnavailableAsync(context).ConfigureAwait(false))
            {
                await RefuseAsync(context, StatusCode.Unavailable, RefusalReasons.TokenCheckUnavailable, method, null,
                    $"{method}: access tokens cannot be checked right now (the identity service's signing keys are unreachable); retry later.").ConfigureAwait(false);
                return;
            }
            // Challenged although a token was sent: the token itself was refused.
            if (context.Request.Headers.Authorization.Count > 0)
            {
                await RefuseAsync(context, StatusCode.Unauthenticated, RefusalReasons.TokenRefused, method, null,
                    $"{method} requires an authenticated caller; the access token was refused (expired, wrong issuer or audience, or not signed by the identity service).").ConfigureAwait(false);
                return;
            }
            await RefuseAsync(context, StatusCode.Unauthenticated, RefusalReasons.Unauthenticated, method, null,
                $"{method} requires an authenticated caller (authorization: Bearer <access token>).").ConfigureAwait(false);
            return;
        }
        var requirements = Requirements(context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? []);
        var requires = requirements.Count == 0 ? "an authenticated caller" : string.Join(" and ", requirements);
        await RefuseAsync(context, StatusCode.PermissionDenied, RefusalReasons.CallerNotAllowed, method, requires,
            $"The caller is not allowed to call {method} (requires {requires}).").ConfigureAwait(false);
    }

    /// <summary>The refusal as a trailers-only status with its ErrorInfo (metadata <c>method</c> and <c>requires</c>).</summary>
    private static Task RefuseAsync(HttpContext context, StatusCode code, string reason, string method, string? requires, string message) =>
        TrailersOnlyStatus.WriteAsync(context, GrpcErrors.Refusal(code, message, reason, [("method", method), ("requires", requires)]));

    private static List<string> Requirements(IReadOnlyList<IAuthorizeData> data)
    {
        var parts = new List<string>();
        foreach (var item in data)
        {
            if (!string.IsNullOrEmpty(item.Policy))
            {
                parts.Add($"policy '{item.Policy}'");
            }
            if (!string.IsNullOrEmpty(item.Roles))
            {
                parts.Add($"one of the roles {item.Roles}");
            }
        }
        return parts;
    }
}
