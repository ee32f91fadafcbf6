using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.CountryReviews;

/// <summary>A party of a country review: its place, its focal point and experts, its feedback.</summary>
public sealed class ReviewParticipant
{
    private ReviewParticipant()
    {
        Iso3 = "";
        ExpertNominationIds = [];
    }

    internal ReviewParticipant(string iso3, ReviewRole role, InstrumentSet instruments, ReviewerSlot? completesSlot, DateTimeOffset joinedAt)
    {
        Iso3 = iso3;
        Role = role;
        Instruments = instruments;
        CompletesSlot = completesSlot;
        JoinedAt = joinedAt;
        ExpertNominationIds = [];
    }

    public string Iso3 { get; private set; }

    public ReviewRole Role { get; private set; }

    /// <summary>For an additional reviewer: the instruments it reviews. Empty for the others (every instrument).</summary>
    public InstrumentSet Instruments { get; private set; }

    /// <summary>For an additional reviewer: the place it completes.</summary>
    public ReviewerSlot? CompletesSlot { get; private set; }

    public FocalPointContact? FocalPoint { get; private set; }

    /// <summary>Since when the party has had no focal point after one left (null: missing since the start, or present).</summary>
    public DateTimeOffset? FocalPointMissingSince { get; private set; }

    public List<string> ExpertNominationIds { get; private set; }

    public DateTimeOffset? FeedbackSubmittedAt { get; private set; }

    public string? FeedbackSubmittedBy { get; private set; }

    public DateTimeOffset JoinedAt { get; private set; }

    /// <summary>Set when a redraw took the party off the review (kept for the history).</summary>
    public DateTimeOffset? LeftAt { get; private set; }

    public bool IsActive => LeftAt is null;

    public bool IsReviewer => Role != ReviewRole.PartyUnderReview;

    internal void SetFocalPoint(FocalPointContact contact)
    {
        FocalPoint = contact;
        FocalPointMissingSince = null;
    }

    internal void RemoveFocalPoint(DateTimeOffset since)
    {
        FocalPoint = null;
        FocalPointMissingSince = since;
    }

    internal bool AddExpert(string nominationId)
    {
        if (ExpertNominationIds.Contains(nominationId))
        {
            return false;
        }
        ExpertNominationIds.Add(nominationId);
        return true;
    }

    internal void RemoveExpert(string nominationId) => ExpertNominationIds.Remove(nominationId);

    internal void RecordFeedback(DateTimeOffset at, string by)
    {
        FeedbackSubmittedAt = at;
        FeedbackSubmittedBy = by;
    }

    internal void Leave(DateTimeOffset at) => LeftAt = at;
}
