namespace Nominations.Api.Domain.Reviews;

/// <summary>A party to the Convention (ISO3 code and name), as the Nominations service knows it.</summary>
public sealed record KnownParty(string Iso3, string Name);
