using System.Text.Json;
using Identity.Api.OpenIdConnect.Revocation;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Api.OpenIdConnect.Handlers;

/// <summary>
/// After OpenIddict issued an access token, stores its <c>jti</c> (a random id OpenIddict writes into the JWT,
/// distinct from its token entry id) in the token entry, so that revoking the token, or its whole refresh token
/// family, can name the token the way the gateway sees it (<see cref="PublishingTokenManager"/>).
/// </summary>
public sealed class RecordAccessTokenId(IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseScopedHandler<RecordAccessTokenId>()
            .SetOrder(OpenIddictServerHandlers.GenerateAccessToken.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        if (string.IsNullOrEmpty(context.AccessToken) || context.AccessTokenPrincipal?.GetTokenId() is not { Length: > 0 } entryId) return;
        var jti = new JsonWebToken(context.AccessToken).Id;
        if (string.IsNullOrEmpty(jti) || await tokens.FindByIdAsync(entryId) is not { } token) return;
        var descriptor = new OpenIddictTokenDescriptor();
        await tokens.PopulateAsync(descriptor, token);
        descriptor.Properties[PublishingTokenManager.TokenIdProperty] = JsonSerializer.SerializeToElement(jti);
        await tokens.UpdateAsync(token, descriptor);
    }
}
