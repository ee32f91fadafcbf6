using Microsoft.AspNetCore.Mvc;

namespace Identity.Api.Pages.Account;

internal static class ReturnUrls
{
    /// <summary>Only local return URLs are followed (no open redirect).</summary>
    public static string Safe(IUrlHelper url, string? returnUrl) => returnUrl is not null && url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
