using Microsoft.AspNetCore.DataProtection;

namespace Engagement.Api.Pages.Web;

/// <summary>
/// After the applicant proved who they are (reference and verified address, or the verification link), a protected,
/// HTTP-only cookie lets them manage that one application for an hour.
/// </summary>
public sealed class ManageAccess(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "engagement.manage";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Engagement.ManageApplication").ToTimeLimitedDataProtector();

    public void Grant(HttpResponse response, Guid applicationId) =>
        response.Cookies.Append(CookieName, _protector.Protect(applicationId.ToString(), time.GetUtcNow() + Lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = response.HttpContext.Request.IsHttps,
            Path = response.HttpContext.Request.PathBase.HasValue ? response.HttpContext.Request.PathBase.Value : "/",
            MaxAge = Lifetime,
        });

    public Guid? Granted(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(CookieName, out var value))
        {
            return null;
        }
        try
        {
            return Guid.TryParse(_protector.Unprotect(value, out var expiration), out var id) && expiration > time.GetUtcNow() ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Revoke(HttpResponse response) => response.Cookies.Delete(CookieName,
        new CookieOptions { Path = response.HttpContext.Request.PathBase.HasValue ? response.HttpContext.Request.PathBase.Value : "/" });
}
