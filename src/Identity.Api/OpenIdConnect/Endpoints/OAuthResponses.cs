namespace Identity.Api.OpenIdConnect.Endpoints;

/// <summary>JSON responses of the OAuth endpoints (RFC 6749 section 5), never cached.</summary>
public static class OAuthResponses
{
    public static IResult Json(HttpContext context, object body, int status = StatusCodes.Status200OK)
    {
        NoStore(context);
        return Results.Json(body, statusCode: status);
    }

    public static IResult Error(HttpContext context, string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Json(context, new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, status);

    public static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
    }

    /// <summary>The scheme, host and path base the caller used (X-Forwarded-* from the gateway already applied).</summary>
    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
