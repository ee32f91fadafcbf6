namespace Nominations.Api.Domain;

/// <summary>
/// A piece of work held by a nomination (e.g. "clear the SAQ answers for review R-1"). Open tasks pass
/// to the successor when a focal point is substituted; when a holder withdraws they become vacant and
/// pass to the next person nominated in the same role and scope.
/// </summary>
public sealed class NominationTask
{
    private NominationTask()
    {
        Party = "";
        ScopeReviewId = "";
        Title = "";
        Description = "";
        CreatedBy = "";
    }

    internal NominationTask(
        Guid id, Nomination holder, string title, string description, string? countryReviewId,
        DateTimeOffset? dueAt, DateTimeOffset createdAt, string createdBy)
    {
        Id = id;
        Party = holder.Party;
        NominationId = holder.Id;
        Role = holder.Role;
        ScopeKind = holder.ScopeKind;
        ScopeReviewId = holder.ScopeReviewId;
        Title = title;
        Description = description;
        CountryReviewId = countryReviewId;
        DueAt = dueAt;
        Status = NominationTaskStatus.Open;
        CreatedAt = createdAt;
        CreatedBy = createdBy;
    }

    public Guid Id { get; private set; }

    public string Party { get; private set; }

    /// <summary>The holder; null while the task is vacant.</summary>
    public Guid? NominationId { get; private set; }

    /// <summary>The role and scope of the holder: a vacant task waits for the next person in them.</summary>
    public NominationRole Role { get; private set; }

    public ScopeKind ScopeKind { get; private set; }

    public string ScopeReviewId { get; private set; }

    /// <summary>The holder that released the task by withdrawing, while it is vacant.</summary>
    public Guid? ReleasedFromNominationId { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public string? CountryReviewId { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    public NominationTaskStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedBy { get; private set; }

    public bool IsOpen => Status == NominationTaskStatus.Open;

    public bool IsVacant => IsOpen && NominationId is null;

    internal void PassTo(Nomination successor)
    {
        NominationId = successor.Id;
        ReleasedFromNominationId = null;
        Role = successor.Role;
        ScopeKind = successor.ScopeKind;
        ScopeReviewId = successor.ScopeReviewId;
    }

    internal void Release()
    {
        ReleasedFromNominationId = NominationId;
        NominationId = null;
    }

    internal void Complete(string by, DateTimeOffset at)
    {
        Status = NominationTaskStatus.Completed;
        CompletedAt = at;
        CompletedBy = by;
    }
}
