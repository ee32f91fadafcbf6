namespace Reviews.Api.Domain.CountryReviews;

/// <summary>One deadline of a review: the indicative date of the Guidelines, the agreed extensions, when it was met.</summary>
public sealed class ReviewDeadline
{
    private ReviewDeadline()
    {
        Extensions = [];
    }

    internal ReviewDeadline(DeadlineKind kind, DateOnly indicative)
    {
        Kind = kind;
        Indicative = indicative;
        Extensions = [];
    }

    public DeadlineKind Kind { get; private set; }

    /// <summary>The date computed from the Guidelines; kept when an extension is agreed.</summary>
    public DateOnly Indicative { get; private set; }

    public List<DeadlineExtension> Extensions { get; private set; }

    public DateTimeOffset? MetAt { get; private set; }

    /// <summary>The latest agreed date, or null when none was agreed.</summary>
    public DateOnly? Agreed => Extensions.Count == 0 ? null : Extensions[^1].NewDate;

    /// <summary>The date that counts: the agreed one, else the indicative one.</summary>
    public DateOnly Effective => Agreed ?? Indicative;

    public bool IsMet => MetAt is not null;

    /// <summary>The moment the deadline passes: the end of its day, UTC.</summary>
    public DateTimeOffset PassesAt => new(Effective.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    internal void Reschedule(DateOnly indicative) => Indicative = indicative;

    internal void Extend(DeadlineExtension extension) => Extensions.Add(extension);

    internal void Meet(DateTimeOffset at) => MetAt ??= at;

    internal void Reopen() => MetAt = null;
}
