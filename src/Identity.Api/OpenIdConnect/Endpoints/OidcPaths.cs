namespace Identity.Api.OpenIdConnect.Endpoints;

public static class OidcPaths
{
    public const string Discovery = "/.well-known/openid-configuration";
    public const string Jwks = "/.well-known/jwks";
    public const string Authorize = "/connect/authorize";
    public const string Token = "/connect/token";
    public const string Revocation = "/connect/revocation";
    public const string Userinfo = "/connect/userinfo";
    public const string EndSession = "/connect/endsession";
    public const string Login = "/Account/Login";
}
