using Identity.Api.Domain.Accounts;

namespace Identity.Api.Application.Accounts;

/// <summary>Sends account messages (activation links) to people.</summary>
public interface IAccountNotifier
{
    Task SendActivationLinkAsync(ApplicationUser user, string link, DateTimeOffset expiresAt, CancellationToken ct);
}
