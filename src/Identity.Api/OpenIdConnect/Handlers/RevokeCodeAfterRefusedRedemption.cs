using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Identity.Api.OpenIdConnect.Handlers;

/// <summary>
/// An authorization code is good for one attempt: when a token request presents a genuine code but is refused
/// (wrong PKCE verifier, other redirect_uri), the code is revoked, so that it cannot be tried again.
/// OpenIddict itself consumes a code only when tokens are issued.
/// </summary>
public sealed class RevokeCodeAfterRefusedRedemption(IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseScopedHandler<RevokeCodeAfterRefusedRedemption>()
            .SetOrder(int.MinValue + 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (string.IsNullOrEmpty(context.Response.Error) || context.Request?.IsAuthorizationCodeGrantType() != true) return;
        var validation = context.Transaction.GetProperty<ValidateTokenRequestContext>(typeof(ValidateTokenRequestContext).FullName!);
        if (validation is not { IsRejected: true, AuthorizationCodePrincipal: { } code } || code.GetTokenId() is not { Length: > 0 } id) return;
        if (await tokens.FindByIdAsync(id) is { } entry) await tokens.TryRevokeAsync(entry);
    }
}
