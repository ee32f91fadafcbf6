using System.Collections.Concurrent;

namespace ReviewMechanism.Messaging.Tests.Consumers;

/// <summary>
/// Parties whose nominations the tally consumer fails on (a bug "fixed" by healing the party) or refuses by its rules,
/// and how often it tried each party.
/// </summary>
public sealed class PoisonSwitch
{
    private readonly ConcurrentDictionary<string, byte> _failing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _refused = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    public void Fail(string party) => _failing.TryAdd(party, 0);

    public void Refuse(string party) => _refused.TryAdd(party, 0);

    public void Heal(string party)
    {
        _failing.TryRemove(party, out _);
        _refused.TryRemove(party, out _);
    }

    public bool Fails(string party) => _failing.ContainsKey(party);

    public bool Refuses(string party) => _refused.ContainsKey(party);

    public void Attempt(string party) => _attempts.AddOrUpdate(party, 1, (_, n) => n + 1);

    public int Attempts(string party) => _attempts.GetValueOrDefault(party);
}
