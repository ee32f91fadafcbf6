using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>
/// The runtime's allocation ticks (one event about every 100 kB allocated, naming the type that crossed the line),
/// added up by type: which objects a call allocates, in proportion.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    public ConcurrentDictionary<string, long> BytesByType { get; } = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == RuntimeSource)
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }
        var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        BytesByType.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
