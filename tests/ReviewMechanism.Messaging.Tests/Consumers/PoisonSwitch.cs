using System.Collections.Concurrent;

namespace ReviewMechanism.Messaging.Tests.Consumers;

/// <summary>Parties whose nominations the tally consumer refuses (a bug "fixed" by removing the party).</summary>
public sealed class PoisonSwitch
{
    private readonly ConcurrentDictionary<string, byte> _parties = new(StringComparer.Ordinal);

    public void Fail(string party) => _parties.TryAdd(party, 0);

    public void Heal(string party) => _parties.TryRemove(party, out _);

    public bool Fails(string party) => _parties.ContainsKey(party);
}
