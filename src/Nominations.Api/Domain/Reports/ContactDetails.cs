namespace Nominations.Api.Domain.Reports;

/// <summary>E-mail and phone: visible to registered users only.</summary>
public sealed record ContactDetails(string Email, string Phone);
