namespace Identity.Api.Domain.Accounts;

/// <summary>An administrative action refused by the account's state; <see cref="Rule"/> names the rule for machines.</summary>
public sealed class AccountRuleException(string rule, string message) : Exception(message)
{
    public const string NotActivated = "ACCOUNT_NOT_ACTIVATED";
    public const string AlreadyApproved = "ACCOUNT_ALREADY_APPROVED";
    public const string Disabled = "ACCOUNT_DISABLED";

    public string Rule { get; } = rule;
}
