namespace Nominations.Api.Domain;

/// <summary>The explicit record that open tasks passed to a new holder.</summary>
public sealed class Handover
{
    private readonly List<HandoverItem> _items = [];

    private Handover()
    {
        Party = "";
        ScopeReviewId = "";
        Reason = "";
        RecordedBy = "";
    }

    internal Handover(
        Guid id, Nomination to, Guid? fromNominationId, string reason, DateTimeOffset at, string recordedBy,
        IEnumerable<HandoverItem> items)
    {
        Id = id;
        Party = to.Party;
        Role = to.Role;
        ScopeKind = to.ScopeKind;
        ScopeReviewId = to.ScopeReviewId;
        FromNominationId = fromNominationId;
        ToNominationId = to.Id;
        Reason = reason;
        HandedOverAt = at;
        RecordedBy = recordedBy;
        _items.AddRange(items);
    }

    public Guid Id { get; private set; }

    public string Party { get; private set; }

    public NominationRole Role { get; private set; }

    public ScopeKind ScopeKind { get; private set; }

    public string ScopeReviewId { get; private set; }

    public NominationScope Scope => NominationScope.From(ScopeKind, ScopeReviewId);

    /// <summary>The leaver; null when vacant tasks were taken over by a new nomination.</summary>
    public Guid? FromNominationId { get; private set; }

    public Guid ToNominationId { get; private set; }

    public string Reason { get; private set; }

    public DateTimeOffset HandedOverAt { get; private set; }

    public string RecordedBy { get; private set; }

    public IReadOnlyList<HandoverItem> Items => _items;

    public bool Concerns(Guid nominationId) => FromNominationId == nominationId || ToNominationId == nominationId;
}
