using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OpenIddict.Server;
using OpenIddict.Validation;

namespace Identity.Api.OpenIdConnect.Keys;

/// <summary>
/// Gives OpenIddict the keys of <see cref="ServerKeyRing"/>, and has its options built again whenever the ring
/// changes (a scheduled key published, a key activated or removed): the server signs with the active key and
/// publishes every kept one; the local validation (the Secretariat's API) copies them from the server's options.
/// </summary>
public sealed class ServerKeyOptionsSetup(ServerKeyRing ring)
    : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictValidationOptions>
{
    public string Name => Options.DefaultName;

    public void Configure(OpenIddictServerOptions options)
    {
        var keys = ring.Current;
        options.SigningCredentials.AddRange(keys.Signing);
        options.EncryptionCredentials.AddRange(keys.Encryption);
    }

    IChangeToken IOptionsChangeTokenSource<OpenIddictServerOptions>.GetChangeToken() => ring.ServerOptionsChangeToken;

    IChangeToken IOptionsChangeTokenSource<OpenIddictValidationOptions>.GetChangeToken() => ring.ValidationOptionsChangeToken;
}
