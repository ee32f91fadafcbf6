using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Identity.Tests.Infrastructure;

/// <summary>What a standard OIDC client does, written from the RFCs (no server code reused).</summary>
public static partial class OidcClient
{
    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string AuthorizeUrl(string challenge, string method = "S256", string scope = "openid profile email offline_access reviews",
        string state = "state-1", string nonce = "nonce-1", string clientId = IdentityApp.WebClientId, string redirectUri = IdentityApp.WebRedirectUri)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["scope"] = scope,
            ["state"] = state, ["nonce"] = nonce, ["code_challenge"] = challenge, ["code_challenge_method"] = method,
        };
        if (method.Length == 0) query.Remove("code_challenge_method");
        if (challenge.Length == 0) query.Remove("code_challenge");
        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    /// <summary>GET the login page, then POST the form with its antiforgery token, as a browser does.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(HttpClient browser, string pageUrl, Dictionary<string, string> fields)
    {
        var page = await browser.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, $"GET {pageUrl}: {page.StatusCode} {html}");
        var antiforgery = AntiforgeryField().Match(html);
        Assert.True(antiforgery.Success, "The form has no antiforgery token");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value) };
        foreach (Match hidden in HiddenField().Matches(html))
        {
            form.TryAdd(WebUtility.HtmlDecode(hidden.Groups[1].Value), WebUtility.HtmlDecode(hidden.Groups[2].Value));
        }
        return await browser.PostAsync(pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>authorize -> login page -> authorize -> redirect_uri?code=...; returns the redirect's query values.</summary>
    public static async Task<Dictionary<string, string>> SignInAsync(HttpClient browser, string authorizeUrl, string email, string password)
    {
        var first = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var login = first.Headers.Location!.ToString();
        Assert.StartsWith("/Account/Login", login);
        var posted = await SubmitFormAsync(browser, login, new() { ["Email"] = email, ["Password"] = password });
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"login refused: {await posted.Content.ReadAsStringAsync()}");
        return await FollowToCallbackAsync(browser, posted.Headers.Location!.ToString());
    }

    public static async Task<Dictionary<string, string>> FollowToCallbackAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(IdentityApp.WebRedirectUri, location.ToString());
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostFormAsync(HttpClient http, string path, Dictionary<string, string> form,
        (string Id, string Secret)? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        if (basic is { } b)
        {
            var raw = $"{Uri.EscapeDataString(b.Id)}:{Uri.EscapeDataString(b.Secret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));
        }
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> RedeemCodeAsync(HttpClient http, string code, string verifier, string redirectUri = IdentityApp.WebRedirectUri) =>
        PostFormAsync(http, "/connect/token", new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri,
            ["client_id"] = IdentityApp.WebClientId, ["code_verifier"] = verifier,
        });

    public static Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(HttpClient http, string refreshToken) =>
        PostFormAsync(http, "/connect/token", new()
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = IdentityApp.WebClientId,
        });

    /// <summary>RFC 7009 revocation by the public web client.</summary>
    public static Task<(HttpStatusCode Status, JsonElement Body)> RevokeAsync(HttpClient http, string token, string hint) =>
        PostFormAsync(http, "/connect/revocation", new() { ["token"] = token, ["token_type_hint"] = hint, ["client_id"] = IdentityApp.WebClientId });

    /// <summary>RFC 7662 introspection by the partner client (confidential).</summary>
    public static Task<(HttpStatusCode Status, JsonElement Body)> IntrospectAsync(HttpClient http, string token) =>
        PostFormAsync(http, "/connect/introspect", new() { ["token"] = token }, (IdentityApp.PartnerClientId, IdentityApp.PartnerSecret));

    public static Task<(HttpStatusCode Status, JsonElement Body)> ClientCredentialsAsync(HttpClient http, string scope = "reviews") =>
        PostFormAsync(http, "/connect/token", new() { ["grant_type"] = "client_credentials", ["scope"] = scope },
            (IdentityApp.PartnerClientId, IdentityApp.PartnerSecret));

    /// <summary>Asserts an OAuth error response: its status, its <c>error</c> code, and that no token came with it.</summary>
    public static void AssertError((HttpStatusCode Status, JsonElement Body) response, string error, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.True(response.Status == status && response.Body.ValueKind == JsonValueKind.Object
            && response.Body.TryGetProperty("error", out var actual) && actual.GetString() == error,
            $"expected {(int)status} {error}, got {(int)response.Status} {response.Body}");
        Assert.False(response.Body.TryGetProperty("access_token", out _));
    }

    /// <summary>A full sign-in of an approved person through the code flow; returns the token response.</summary>
    public static async Task<JsonElement> GetUserTokensAsync(IdentityApp app, string email, string password, string scope = "openid profile email offline_access reviews")
    {
        using var browser = app.Browser();
        var (verifier, challenge) = NewPkce();
        var callback = await SignInAsync(browser, AuthorizeUrl(challenge, scope: scope), email, password);
        var (status, body) = await RedeemCodeAsync(browser, callback["code"], verifier);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public static async Task<HttpResponseMessage> UserinfoAsync(HttpClient http, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await http.SendAsync(request);
    }

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) from a base32 key, as an authenticator app computes it.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32Decode(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(message);
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.Replace(" ", "").TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return bytes.ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<input type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
