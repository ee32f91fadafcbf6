namespace Nominations.Api.Domain.Validation;

/// <summary>A person as the caller sent it, before validation (a null gender: a value that is not a gender).</summary>
public sealed record PersonInput(string? FullName, string? Title, Gender? Gender, string? Email, string? Phone, string? Affiliation);
