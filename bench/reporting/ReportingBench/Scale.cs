namespace ReportingBench;

/// <summary>
/// How big the data set is. Full: 189 parties x 4 phases (756 reviews), 100,000 documents and 1,000,000 events in
/// the read models (the events a real mechanism would have sent over years: review, nomination, document and
/// engagement facts), then a backlog of events through RabbitMQ for the catch-up rate. Smoke: the same shape, small.
/// </summary>
public sealed record Scale(int Parties, int Phases, int Documents, int Events, int Backlog, int WarmCalls, int ColdCalls)
{
    public static readonly Scale Full = new(189, 4, 100_000, 1_000_000, 20_000, 2_000, 30);
    public static readonly Scale Smoke = new(189, 4, 5_000, 50_000, 1_000, 200, 5);

    public int Reviews => Parties * Phases;

    /// <summary>Each document sends about three facts (transmitted, published, a summary translation).</summary>
    public int DocumentEvents => Documents * 3;

    public int NominationEvents => Parties * 40;

    public int ReviewEvents => Reviews * 7;

    /// <summary>The rest are engagement facts (applications and their decisions and attendance, training registrations).</summary>
    public int EngagementEvents => Math.Max(0, Events - DocumentEvents - NominationEvents - ReviewEvents);
}
