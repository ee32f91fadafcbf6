namespace Nominations.Api.Domain.Reports;

/// <summary>General information on a focal point; <see cref="Contact"/> is null for the public.</summary>
public sealed record FocalPointProfile(
    string FullName, string Title, string Affiliation, string Party, NominationRole Role, NominationScope Scope,
    DateTimeOffset Since, ContactDetails? Contact);
