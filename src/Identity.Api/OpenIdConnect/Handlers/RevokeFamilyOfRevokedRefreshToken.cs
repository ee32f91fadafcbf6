using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Api.OpenIdConnect.Handlers;

/// <summary>
/// RFC 7009 section 2.1: when a refresh token is revoked, every token of its sign-in (the refresh tokens and the
/// access tokens issued through it) is revoked too; OpenIddict alone revokes only the token presented.
/// </summary>
public sealed class RevokeFamilyOfRevokedRefreshToken(IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<RevokeFamilyOfRevokedRefreshToken>()
            .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        if (context.GenericTokenPrincipal is { } principal && principal.HasTokenType(TokenTypeIdentifiers.RefreshToken)
            && principal.GetAuthorizationId() is { Length: > 0 } authorization)
        {
            await tokens.RevokeByAuthorizationIdAsync(authorization);
        }
    }
}
