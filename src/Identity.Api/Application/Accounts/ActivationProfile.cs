namespace Identity.Api.Application.Accounts;

/// <summary>What the person submits with the activation form.</summary>
public sealed record ActivationProfile(string FullName, string? Title, string? Gender, string? Affiliation, string? Phone);

/// <summary>The result of processing a nomination: the account and, if one was issued, the activation link.</summary>
public sealed record NominationOutcome(string UserId, string? ActivationLink, bool AlreadyProcessed);
