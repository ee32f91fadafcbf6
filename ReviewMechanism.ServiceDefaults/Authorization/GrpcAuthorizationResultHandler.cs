using System.Globalization;
using System.Text;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// Refusals in the caller's protocol. ASP.NET Core's authorization middleware evaluates the RPC's
/// <c>[Authorize]</c> metadata; for a gRPC request its refusal is sent as a gRPC status (HTTP 200, trailers-only
/// <c>grpc-status</c> / <c>grpc-message</c>) rather than a bare 401/403: UNAUTHENTICATED without a valid token,
/// UNAVAILABLE ("retry later") while the token cannot be checked at all (<see cref="IAuthenticationAvailability"/>),
/// PERMISSION_DENIED naming what the RPC requires. Other requests get ASP.NET Core's answers.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !IsGrpcRequest(context.Request) || context.Response.HasStarted)
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
                await WriteStatusAsync(context, StatusCode.Unavailable,
                    $"{method}: access tokens cannot be checked right now (the identity service's signing keys are unreachable); retry later.").ConfigureAwait(false);
                return;
            }
            // Challenged although a token was sent: the token itself was refused.
            var refused = context.Request.Headers.Authorization.Count > 0;
            await WriteStatusAsync(context, StatusCode.Unauthenticated, refused
                ? $"{method} requires an authenticated caller; the access token was refused (expired, wrong issuer or audience, or not signed by the identity service)."
                : $"{method} requires an authenticated caller (authorization: Bearer <access token>).").ConfigureAwait(false);
            return;
        }
        var requirement = Describe(context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>() ?? []);
        await WriteStatusAsync(context, StatusCode.PermissionDenied, $"The caller is not allowed to call {method} ({requirement}).").ConfigureAwait(false);
    }

    /// <summary>A gRPC request: HTTP POST with content type <c>application/grpc</c> (or a <c>+proto</c>-style suffix).</summary>
    public static bool IsGrpcRequest(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
        && !type.StartsWith("application/grpc-web", StringComparison.OrdinalIgnoreCase);

    /// <summary>A trailers-only gRPC response: HTTP 200 whose only headers frame carries the status (and ends the stream).</summary>
    public static Task WriteStatusAsync(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
        return response.CompleteAsync();
    }

    private static string Describe(IReadOnlyList<IAuthorizeData> data)
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
        return parts.Count == 0 ? "requires an authenticated caller" : "requires " + string.Join(" and ", parts);
    }

    /// <summary>The gRPC spec's encoding of grpc-message: UTF-8, percent-encoding '%' and bytes outside 0x20-0x7E.</summary>
    private static string PercentEncode(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var builder = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return builder.ToString();
    }
}
