using System.Net.Http.Headers;
using System.Text;

namespace Identity.Api.OpenIdConnect.Clients;

/// <summary>
/// Authenticates the client of a token or revocation request (RFC 6749 section 2.3):
/// client_secret_basic, client_secret_post, or none (public clients, which send only client_id).
/// </summary>
public sealed class ClientAuthenticator(ClientStore clients)
{
    public async Task<ClientAuthentication> AuthenticateAsync(HttpRequest request, IFormCollection form, CancellationToken ct)
    {
        string? id = null, secret = null;
        var usedBasic = false;
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            usedBasic = true;
            if (!TryParseBasic(header.Parameter, out id, out secret))
                return ClientAuthentication.Failed("invalid_client", "The Basic authorization header is malformed.", usedBasic);
            if (form.ContainsKey("client_secret"))
                return ClientAuthentication.Failed("invalid_request", "Use one client authentication method only (Basic header or client_secret).", usedBasic);
            if (form["client_id"] is { Count: > 0 } formId && formId.ToString() != id)
                return ClientAuthentication.Failed("invalid_request", "client_id differs from the one in the Basic header.", usedBasic);
        }
        else
        {
            if (form["client_id"].Count > 1 || form["client_secret"].Count > 1)
                return ClientAuthentication.Failed("invalid_request", "client_id and client_secret must appear once.", false);
            id = form["client_id"].ToString();
            secret = form.ContainsKey("client_secret") ? form["client_secret"].ToString() : null;
        }

        if (string.IsNullOrEmpty(id))
            return ClientAuthentication.Failed("invalid_client", "Client authentication is required (client_id).", usedBasic);
        var client = await clients.FindAsync(id, ct);
        if (client is null)
            return ClientAuthentication.Failed("invalid_client", "Client authentication failed.", usedBasic);
        if (client.IsPublic)
        {
            return secret is null
                ? ClientAuthentication.Succeeded(client)
                : ClientAuthentication.Failed("invalid_client", "A public client has no secret.", usedBasic);
        }
        if (secret is null || !ClientSecretHasher.Verify(secret, client.SecretHash))
            return ClientAuthentication.Failed("invalid_client", "Client authentication failed.", usedBasic);
        return ClientAuthentication.Succeeded(client);
    }

    private static bool TryParseBasic(string? parameter, out string? id, out string? secret)
    {
        id = secret = null;
        if (parameter is null) return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
            var colon = decoded.IndexOf(':');
            if (colon < 0) return false;
            // RFC 6749 2.3.1: both parts are form-urlencoded before base64.
            id = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed record ClientAuthentication(OAuthClient? Client, string? Error, string? Description, bool UsedBasic)
{
    public static ClientAuthentication Succeeded(OAuthClient client) => new(client, null, null, false);
    public static ClientAuthentication Failed(string error, string description, bool usedBasic) => new(null, error, description, usedBasic);
}
