namespace Identity.Api.Application.Accounts;

/// <summary>Configuration section <c>Identity:Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Identity:Accounts";

    /// <summary>How long an activation link stays valid (the mechanism's rule: 10 days).</summary>
    public TimeSpan ActivationLinkLifetime { get; set; } = TimeSpan.FromDays(10);

    /// <summary>Base URL of activation links (the public URL); defaults to Identity:Issuer.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Folder where outgoing e-mails are written as .eml files when no mail server is configured (<c>ConnectionStrings__mail</c>).</summary>
    public string? MailDropDirectory { get; set; }

    public int MaxFailedAccessAttempts { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
}
