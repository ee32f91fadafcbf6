namespace Reviews.Api.Domain.CountryReviews;

/// <summary>The record of the preliminary consultation among the focal points.</summary>
public sealed class PreliminaryConsultationRecord
{
    private PreliminaryConsultationRecord()
    {
        Participants = [];
        AgreedTimeFrames = RecordedBy = "";
    }

    internal PreliminaryConsultationRecord(DateOnly heldOn, List<string> participants, string agreedTimeFrames, string? notes, string recordedBy, DateTimeOffset recordedAt)
    {
        HeldOn = heldOn;
        Participants = participants;
        AgreedTimeFrames = agreedTimeFrames;
        Notes = notes;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public DateOnly HeldOn { get; private set; }

    /// <summary>The parties whose focal points took part.</summary>
    public List<string> Participants { get; private set; }

    public string AgreedTimeFrames { get; private set; }

    public string? Notes { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
