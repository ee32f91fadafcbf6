using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;
using Gateway.Proxy;
using Grpc.Core;
using Microsoft.Net.Http.Headers;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Grpc;

namespace Gateway.Authorization;

/// <summary>
/// Refusals at the edge in the caller's protocol. A gRPC call gets a trailers-only UNAUTHENTICATED
/// (with the bearer challenge's reason, and its WWW-Authenticate header) or PERMISSION_DENIED, each with a
/// google.rpc.ErrorInfo (reasons UNAUTHENTICATED, TOKEN_REFUSED, CALLER_NOT_ALLOWED; metadata <c>method</c>, and
/// <c>requires</c> naming the missing scope or role); other requests get ASP.NET Core's 401/403. When the identity
/// service's keys cannot be fetched, every caller gets 503 / UNAVAILABLE (TOKEN_CHECK_UNAVAILABLE) rather than a
/// refusal it would take as its own fault.
/// </summary>
public sealed class GrpcAuthorizationResultHandler(IOptionsMonitor<JwtBearerOptions> bearerOptions) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();
    private readonly SigningKeysAvailability _keys = new(bearerOptions);

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged && await _keys.IsUnavailableAsync(context))
        {
            // Not the caller's fault: the identity service's discovery document or keys could not be fetched.
            await GrpcResponses.WriteErrorAsync(context, StatusCodes.Status503ServiceUnavailable, GrpcErrors.Refusal(StatusCode.Unavailable,
                "Access tokens cannot be checked right now (the identity service's signing keys are unreachable); retry later.",
                RefusalReasons.TokenCheckUnavailable, [("method", context.Request.Path.Value)]));
            return;
        }
        if (authorizeResult.Succeeded || !GrpcResponses.IsGrpcRequest(context.Request))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            // The bearer handler writes WWW-Authenticate with the reason (expired, wrong audience...).
            await ChallengeAsync(context, policy);
            // The handler keeps its result for the request: this does not validate the token again.
            var refused = (await context.AuthenticateAsync()).Failure is not null;
            var reason = ErrorDescription(context.Response.Headers[HeaderNames.WWWAuthenticate].ToString())
                ?? (refused ? "it is not a valid access token for this system" : null);
            await TrailersOnlyStatus.WriteAsync(context, reason is null
                ? GrpcErrors.Refusal(StatusCode.Unauthenticated, "A valid access token is required (authorization: Bearer ...).",
                    RefusalReasons.Unauthenticated, [("method", context.Request.Path.Value)])
                : GrpcErrors.Refusal(StatusCode.Unauthenticated, $"The access token was refused: {reason}.",
                    RefusalReasons.TokenRefused, [("method", context.Request.Path.Value)]));
            return;
        }

        var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.Select(r => r.ToString()).ToArray() ?? [];
        var requires = string.Join("; ", missing);
        await TrailersOnlyStatus.WriteAsync(context, GrpcErrors.Refusal(StatusCode.PermissionDenied,
            missing.Length == 0 ? "The caller is not allowed to call this service." : $"The caller is not allowed to call this service (needs {requires}).",
            RefusalReasons.CallerNotAllowed, [("method", context.Request.Path.Value), ("requires", requires)]));
    }

    private static async Task ChallengeAsync(HttpContext context, AuthorizationPolicy policy)
    {
        if (policy.AuthenticationSchemes.Count == 0)
        {
            await context.ChallengeAsync();
            return;
        }
        foreach (var scheme in policy.AuthenticationSchemes)
        {
            await context.ChallengeAsync(scheme);
        }
    }

    private static string? ErrorDescription(string wwwAuthenticate)
    {
        const string marker = "error_description=\"";
        var start = wwwAuthenticate.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        start += marker.Length;
        var end = wwwAuthenticate.IndexOf('"', start);
        return end < 0 ? null : wwwAuthenticate[start..end];
    }
}
