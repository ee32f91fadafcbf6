using Google.Protobuf;
using Nominations.Api.Domain;
using Nominations.Api.IntegrationEvents;

namespace Nominations.Tests.Support;

/// <summary>
/// Rosters in memory for unit tests. A save maps the domain events to integration events exactly as the
/// EF repository does, and records them as "published". <see cref="BeforeNextSave"/> lets a test simulate
/// another request saving first.
/// </summary>
public sealed class InMemoryNominationRepository : INominationRepository
{
    private readonly Dictionary<string, PartyRoster> _rosters = new(StringComparer.Ordinal);

    public List<IMessage> Published { get; } = [];

    public int Saves { get; private set; }

    /// <summary>Runs (once) before the next save; throw a ConcurrencyConflictException in it to refuse that save.</summary>
    public Action<PartyRoster>? BeforeNextSave { get; set; }

    /// <summary>Every save is refused as if another request always won.</summary>
    public bool AlwaysConflict { get; set; }

    public PartyRoster? Get(string party) => _rosters.GetValueOrDefault(party);

    /// <summary>Replaces a stored roster (the state a concurrent winner left).</summary>
    public void Put(PartyRoster roster)
    {
        roster.ClearDomainEvents();
        _rosters[roster.Party] = roster;
    }

    public Task<PartyRoster?> FindAsync(string party, CancellationToken cancellationToken) =>
        Task.FromResult(_rosters.GetValueOrDefault(party));

    public Task SaveAsync(PartyRoster roster, CancellationToken cancellationToken)
    {
        if (AlwaysConflict)
        {
            throw new ConcurrencyConflictException(roster.Party);
        }
        var before = BeforeNextSave;
        BeforeNextSave = null;
        before?.Invoke(roster);
        Published.AddRange(roster.DomainEvents.Select(NominationsIntegrationEvents.From));
        roster.ClearDomainEvents();
        _rosters[roster.Party] = roster;
        Saves++;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Nomination>> ListNominationsAsync(IReadOnlyCollection<string>? parties, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Nomination>>(_rosters.Values
            .Where(r => parties is null || parties.Contains(r.Party))
            .SelectMany(r => r.Nominations)
            .ToList());
}
