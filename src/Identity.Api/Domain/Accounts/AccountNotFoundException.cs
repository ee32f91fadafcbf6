namespace Identity.Api.Domain.Accounts;

/// <summary>No account has the given id.</summary>
public sealed class AccountNotFoundException(string userId) : Exception($"There is no account with id '{userId}'.")
{
    public string UserId { get; } = userId;
}
