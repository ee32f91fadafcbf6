namespace Nominations.Api.Domain;

/// <summary>Stores party rosters. One roster is saved as a unit, with the integration events it raised.</summary>
public interface INominationRepository
{
    /// <summary>The roster of a party, or null when the party never nominated anyone.</summary>
    Task<PartyRoster?> FindAsync(string party, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the roster (new or loaded by <see cref="FindAsync"/>) and its pending domain events, atomically.
    /// Throws <see cref="ConcurrencyConflictException"/> when another save of the same roster came first.
    /// </summary>
    Task SaveAsync(PartyRoster roster, CancellationToken cancellationToken);

    /// <summary>Every nomination (active and ended) of the given parties, or of all parties when null.</summary>
    Task<IReadOnlyList<Nomination>> ListNominationsAsync(IReadOnlyCollection<string>? parties, CancellationToken cancellationToken);
}
