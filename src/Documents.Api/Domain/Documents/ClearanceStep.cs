namespace Documents.Api.Domain.Documents;

/// <summary>One step of a document's workflow: who moved it, from which status to which, on which version, why.</summary>
public sealed class ClearanceStep
{
    private ClearanceStep()
    {
    }

    public ClearanceStep(Guid documentId, int sequence, DocumentStatus from, DocumentStatus to, int version, string by, string comment, DateTimeOffset at)
    {
        DocumentId = documentId;
        Sequence = sequence;
        From = from;
        To = to;
        Version = version;
        By = by;
        Comment = comment;
        At = at;
    }

    public Guid DocumentId { get; private set; }

    public int Sequence { get; private set; }

    public DocumentStatus From { get; private set; }

    public DocumentStatus To { get; private set; }

    public int Version { get; private set; }

    public string By { get; private set; } = "";

    public string Comment { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
