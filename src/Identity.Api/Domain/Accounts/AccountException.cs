namespace Identity.Api.Domain.Accounts;

/// <summary>An account operation refused by a rule of the lifecycle; the message is meant for people.</summary>
public sealed class AccountException(string message) : Exception(message);
