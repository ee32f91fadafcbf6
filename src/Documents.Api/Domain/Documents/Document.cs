using ReviewMechanism.ServiceDefaults.Errors;

namespace Documents.Api.Domain.Documents;

/// <summary>
/// A document of a country review and its workflow: drafted by experts -> submitted for clearance -> cleared by the
/// focal point (or returned with comments, then drafted again) -> transmitted to the other parties. Every save is a
/// new immutable <see cref="DocumentVersion"/>; <see cref="Revision"/> grows with every change and guards against
/// stale writes. Who may do what is the access policy's business, not this class's.
/// </summary>
public sealed class Document
{
    private readonly List<ClearanceStep> _steps = [];

    private Document()
    {
    }

    public Guid Id { get; private set; }

    public string CountryReviewId { get; private set; } = "";

    public DocumentKind Kind { get; private set; }

    /// <summary>The authoring party: the party under review, or the reviewing party for written feedback.</summary>
    public string Party { get; private set; } = "";

    public string PartyUnderReview { get; private set; } = "";

    public int Cluster { get; private set; }

    public int Phase { get; private set; }

    public string Language { get; private set; } = "";

    public Guid? OriginalDocumentId { get; private set; }

    public Guid? RespondsToDocumentId { get; private set; }

    /// <summary>The client's id of the creating request: a retry finds the document it created.</summary>
    public string RequestId { get; private set; } = "";

    public DocumentStatus Status { get; private set; }

    public long Revision { get; private set; }

    public int LatestVersion { get; private set; }

    /// <summary>The last version transmitted to the other parties (0 = never).</summary>
    public int TransmittedVersion { get; private set; }

    /// <summary>The version on the public country profile (0 = not published).</summary>
    public int PublishedVersion { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public string PublishedBy { get; private set; } = "";

    /// <summary>Para 40: made available to other parties' focal points and experts.</summary>
    public bool SharedWithOtherParties { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<ClearanceStep> Steps => _steps;

    public bool IsTranslation => OriginalDocumentId is not null;

    /// <summary>Every version ever transmitted (what the other parties may read).</summary>
    public IReadOnlySet<int> TransmittedVersions => _steps.Where(s => s.To == DocumentStatus.Transmitted).Select(s => s.Version).ToHashSet();

    /// <summary>A new document with its first version.</summary>
    public static (Document Document, DocumentVersion Version) Start(DocumentStart start, DocumentContent content, string author, DateTimeOffset now, string contentSha256, int articlesDone)
    {
        var document = new Document
        {
            Id = start.Id,
            CountryReviewId = start.CountryReviewId,
            Kind = start.Kind,
            Party = start.Party,
            PartyUnderReview = start.PartyUnderReview,
            Cluster = start.Cluster,
            Phase = start.Phase,
            Language = start.Language,
            OriginalDocumentId = start.OriginalDocumentId,
            RespondsToDocumentId = start.RespondsToDocumentId,
            RequestId = start.RequestId,
            Status = DocumentStatus.Drafted,
            Revision = 1,
            LatestVersion = 1,
            CreatedBy = author,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return (document, new DocumentVersion(document.Id, 1, content, author, "first version", now, contentSha256, articlesDone));
    }

    /// <summary>A new version; refused while the focal point holds it for clearance or once it is cleared.</summary>
    public DocumentVersion SaveDraft(DocumentContent content, string author, string changeNote, DateTimeOffset now, string contentSha256, int articlesDone)
    {
        if (Status is DocumentStatus.SubmittedForClearance or DocumentStatus.Cleared)
        {
            throw State($"The {Kind.Describe()} is {Describe(Status)}: it cannot be edited until the focal point returns it{(Status == DocumentStatus.Cleared ? " or it is transmitted" : "")}.");
        }
        var from = Status;
        LatestVersion++;
        Move(DocumentStatus.Drafted, author, "", now, record: from != DocumentStatus.Drafted);
        return new DocumentVersion(Id, LatestVersion, content, author, changeNote.Trim(), now, contentSha256, articlesDone);
    }

    public void SubmitForClearance(string by, DateTimeOffset now)
    {
        Require(DocumentStatus.Drafted, "submitted for clearance", DocumentStatus.Returned);
        Move(DocumentStatus.SubmittedForClearance, by, "", now);
    }

    public void Clear(string by, DateTimeOffset now)
    {
        Require(DocumentStatus.SubmittedForClearance, "cleared");
        Move(DocumentStatus.Cleared, by, "", now);
    }

    public void Return(string by, string comment, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw DomainException.Invalid("comment", "Say what the experts should change when returning a document.");
        }
        Require(DocumentStatus.SubmittedForClearance, "returned", DocumentStatus.Cleared);
        Move(DocumentStatus.Returned, by, comment.Trim(), now);
    }

    public void Transmit(string by, DateTimeOffset now)
    {
        Require(DocumentStatus.Cleared, "transmitted");
        TransmittedVersion = LatestVersion;
        Move(DocumentStatus.Transmitted, by, "", now);
    }

    /// <summary>Para 40 (the questionnaire only, once transmitted).</summary>
    public bool ShareWithOtherParties(bool shared, DateTimeOffset now)
    {
        if (Kind != DocumentKind.SelfAssessmentQuestionnaire)
        {
            throw DomainException.Precondition("SHARING_QUESTIONNAIRE_ONLY", Subject, $"Only the self-assessment questionnaire is made available to other parties (para 40), not the {Kind.Describe()}.");
        }
        if (shared && TransmittedVersion == 0)
        {
            throw DomainException.Precondition("NOT_TRANSMITTED", Subject, "The questionnaire can be made available to other parties once it is transmitted.");
        }
        if (SharedWithOtherParties == shared)
        {
            return false;
        }
        SharedWithOtherParties = shared;
        Touch(now);
        return true;
    }

    /// <summary>Para 41: the last transmitted version goes to the public country profile. False when it already is.</summary>
    public bool Publish(string by, DateTimeOffset now)
    {
        if (TransmittedVersion == 0)
        {
            throw DomainException.Precondition("NOT_TRANSMITTED", Subject, $"The {Kind.Describe()} can be published once it is transmitted (finalized).");
        }
        if (PublishedVersion == TransmittedVersion)
        {
            return false;
        }
        PublishedVersion = TransmittedVersion;
        PublishedAt = now;
        PublishedBy = by;
        Touch(now);
        return true;
    }

    /// <summary>ABORTED when the caller's revision is not the current one: someone changed the document since.</summary>
    public void CheckRevision(long expected)
    {
        if (expected != Revision)
        {
            throw DomainException.Conflict(Subject, $"The {Kind.Describe()} changed since you read it (revision {Revision}, yours {expected}); nothing was saved: read it again and retry.");
        }
    }

    public string Subject => $"document/{Id}";

    private void Require(DocumentStatus expected, string verb, DocumentStatus? alsoAllowed = null)
    {
        if (Status != expected && Status != alsoAllowed)
        {
            throw State($"The {Kind.Describe()} is {Describe(Status)}; only a document {Describe(expected)}{(alsoAllowed is { } a ? " or " + Describe(a) : "")} can be {verb}.");
        }
    }

    private DomainException State(string message) => DomainException.Precondition("WORKFLOW_STATE", Subject, message);

    private void Move(DocumentStatus to, string by, string comment, DateTimeOffset now, bool record = true)
    {
        if (record)
        {
            _steps.Add(new ClearanceStep(Id, _steps.Count + 1, Status, to, LatestVersion, by, comment, now));
        }
        Status = to;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Revision++;
        UpdatedAt = now;
    }

    public static string Describe(DocumentStatus status) => status switch
    {
        DocumentStatus.Drafted => "drafted",
        DocumentStatus.SubmittedForClearance => "submitted for clearance",
        DocumentStatus.Returned => "returned",
        DocumentStatus.Cleared => "cleared",
        _ => "transmitted",
    };
}
