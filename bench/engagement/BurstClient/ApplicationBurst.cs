using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using ReviewMechanism.Engagement.V1;

namespace Engagement.Bench;

/// <summary>
/// Many verified applications from distinct organizations at once, as a partner system sends them: each with its
/// own idempotency key, retried with the same key after any failure until acknowledged (so a service killed
/// mid-burst loses nothing and duplicates nothing). Used by bench/engagement and the whole-stack burst test.
/// </summary>
public sealed class ApplicationBurst(EngagementService.EngagementServiceClient client, Metadata headers)
{
    public static readonly StatusCode[] Retryable =
        [StatusCode.Unavailable, StatusCode.Internal, StatusCode.Unknown, StatusCode.DeadlineExceeded, StatusCode.Cancelled, StatusCode.ResourceExhausted, StatusCode.Aborted];

    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(10);

    public static SubmitApplicationRequest Request(string dialogueId, string keyPrefix, int n) => new()
    {
        IdempotencyKey = $"{keyPrefix}-{n}",
        DialogueId = dialogueId,
        Organization = new Organization { Name = $"Burst Organization {keyPrefix} {n}", Category = StakeholderCategory.Ngo, Country = "AUT" },
        Contact = new ContactPerson { FullName = $"Contact {n}", Email = $"contact{n}@{keyPrefix}.burst.example.org" },
        Expertise = "Field work on the topic.",
        RequestedMode = ParticipationMode.InPerson,
        ContactEmailVerified = true,
        Language = "en",
    };

    public async Task<BurstResult> RunAsync(string dialogueId, string keyPrefix, int count, int concurrency, CancellationToken ct = default)
    {
        var acked = new ConcurrentBag<Acknowledged>();
        var failures = new ConcurrentDictionary<StatusCode, int>();
        var total = Stopwatch.StartNew();
        var next = -1;
        async Task Worker()
        {
            while (Interlocked.Increment(ref next) is var n && n < count)
            {
                acked.Add(await SendUntilAcknowledgedAsync(Request(dialogueId, keyPrefix, n), failures, ct));
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker, ct)));
        total.Stop();
        return new BurstResult([.. acked.OrderBy(a => a.Number)], total.Elapsed, new Dictionary<StatusCode, int>(failures));
    }

    private async Task<Acknowledged> SendUntilAcknowledgedAsync(SubmitApplicationRequest request, ConcurrentDictionary<StatusCode, int> failures, CancellationToken ct)
    {
        var number = int.Parse(request.IdempotencyKey[(request.IdempotencyKey.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var first = Stopwatch.GetTimestamp();
        var attempts = 0;
        while (true)
        {
            attempts++;
            var start = Stopwatch.GetTimestamp();
            try
            {
                var reply = await client.SubmitApplicationAsync(request, headers, DateTime.UtcNow + CallTimeout, ct);
                return new Acknowledged(number, reply.Id, reply.Status, reply.ArrivalNumber, Stopwatch.GetElapsedTime(start), Stopwatch.GetElapsedTime(first), attempts);
            }
            catch (RpcException e) when (Retryable.Contains(e.StatusCode) && Stopwatch.GetElapsedTime(first) < GiveUpAfter && !ct.IsCancellationRequested)
            {
                failures.AddOrUpdate(e.StatusCode, 1, (_, c) => c + 1);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 * attempts)), ct);
            }
        }
    }
}

/// <summary>One acknowledged application: the reply, the last attempt's latency, the time since the first attempt.</summary>
public sealed record Acknowledged(int Number, string ApplicationId, ApplicationStatus Status, long ArrivalNumber, TimeSpan Latency, TimeSpan SinceFirstAttempt, int Attempts);

public sealed record BurstResult(IReadOnlyList<Acknowledged> Acknowledged, TimeSpan Elapsed, IReadOnlyDictionary<StatusCode, int> Failures)
{
    public double PerSecond => Acknowledged.Count / Elapsed.TotalSeconds;

    public TimeSpan Percentile(double p)
    {
        var sorted = Acknowledged.Select(a => a.Latency).Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    }

    public int Retries => Failures.Values.Sum();
}
