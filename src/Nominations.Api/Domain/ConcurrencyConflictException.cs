namespace Nominations.Api.Domain;

/// <summary>Thrown by a repository when another command changed the same party's roster first.</summary>
public sealed class ConcurrencyConflictException(string party, Exception? inner = null)
    : Exception($"The nominations of party {party} were changed by another request at the same time.", inner)
{
    public string Party { get; } = party;
}
