namespace Reviews.Api.Domain.Groups;

/// <summary>A recorded decision of the Conference overriding the completion threshold for one group and phase.</summary>
public sealed class ConferenceDecision
{
    private ConferenceDecision()
    {
        Reference = RecordedBy = "";
    }

    internal ConferenceDecision(Guid id, int fromPhase, ConferenceDecisionOutcome outcome, string reference, DateOnly decidedOn, string? notes, string recordedBy, DateTimeOffset recordedAt)
    {
        Id = id;
        FromPhase = fromPhase;
        Outcome = outcome;
        Reference = reference;
        DecidedOn = decidedOn;
        Notes = notes;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The phase the decision lets the group leave (or keeps it in).</summary>
    public int FromPhase { get; private set; }

    public ConferenceDecisionOutcome Outcome { get; private set; }

    /// <summary>The decision's symbol, e.g. "CTOC/COP/2024/L.5, decision 12/1".</summary>
    public string Reference { get; private set; }

    public DateOnly DecidedOn { get; private set; }

    public string? Notes { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
