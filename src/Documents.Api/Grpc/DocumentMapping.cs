using Documents.Api.Application;
using Documents.Api.Application.CountryProfiles;
using Documents.Api.Application.Documents;
using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Files;
using Documents.Api.Domain.Questionnaires;
using Google.Protobuf.WellKnownTypes;
using Proto = ReviewMechanism.Documents.V1;

namespace Documents.Api.Grpc;

/// <summary>The domain's documents, versions, files and progress as the contract's messages.</summary>
public static class DocumentMapping
{
    public static Proto.Document ToProto(DocumentView view)
    {
        var d = view.Document;
        var proto = new Proto.Document
        {
            Id = d.Id.ToString(),
            CountryReviewId = d.CountryReviewId,
            Kind = (Proto.DocumentKind)d.Kind,
            Party = d.Party,
            PartyUnderReview = d.PartyUnderReview,
            Cluster = d.Cluster,
            Phase = d.Phase,
            Language = d.Language,
            OriginalDocumentId = d.OriginalDocumentId?.ToString() ?? "",
            RespondsToDocumentId = d.RespondsToDocumentId?.ToString() ?? "",
            // The other parties see a transmitted document as transmitted, whatever the next round's state.
            Status = (Proto.DocumentStatus)(view.Level == ReadLevel.Drafts ? d.Status : DocumentStatus.Transmitted),
            Revision = view.Level == ReadLevel.Drafts ? d.Revision : 0,
            Version = view.Version?.Number ?? 0,
            Content = view.Version is { } v ? ContentMapping.ToProto(v.Content) : null,
            LatestVersion = view.VisibleLatest,
            TransmittedVersion = view.Level >= ReadLevel.Transmitted ? d.TransmittedVersion : 0,
            PublishedVersion = d.PublishedVersion,
            SharedWithOtherParties = d.SharedWithOtherParties,
            CreatedBy = view.Level == ReadLevel.Drafts ? d.CreatedBy : "",
            CreatedAt = Timestamp.FromDateTimeOffset(d.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(view.Level == ReadLevel.Drafts ? d.UpdatedAt : d.PublishedAt ?? d.CreatedAt),
        };
        proto.TranslationIds.AddRange(view.TranslationIds.Select(i => i.ToString()));
        proto.Files.AddRange(view.Files.Select(ToProto));
        proto.Notes.AddRange(view.Steps.Select(s => new Proto.ClearanceNote
        {
            FromStatus = (Proto.DocumentStatus)s.From,
            ToStatus = (Proto.DocumentStatus)s.To,
            Version = s.Version,
            By = s.By,
            Comment = s.Comment,
            At = Timestamp.FromDateTimeOffset(s.At),
        }));
        proto.AllowedActions.AddRange(view.AllowedActions.Select(a => a.ToString().ToLowerInvariant()));
        return proto;
    }

    public static Proto.StoredFile ToProto(StoredFile f) => new()
    {
        Id = f.Id.ToString(),
        DocumentId = f.DocumentId.ToString(),
        FileName = f.FileName,
        MediaType = f.MediaType,
        Size = f.Size,
        Sha256 = f.Sha256,
        Category = (Proto.FileCategory)(f.Category == FileCategory.Other ? 4 : (int)f.Category),
        UploadedBy = f.UploadedBy,
        UploadedAt = Timestamp.FromDateTimeOffset(f.UploadedAt),
    };

    public static FileCategory ToDomain(Proto.FileCategory category) => category switch
    {
        Proto.FileCategory.Law => FileCategory.Law,
        Proto.FileCategory.Regulation => FileCategory.Regulation,
        Proto.FileCategory.Case => FileCategory.Case,
        _ => FileCategory.Other,
    };

    public static DocumentKind? ToDomain(Proto.DocumentKind kind) =>
        kind == Proto.DocumentKind.Unspecified || !System.Enum.IsDefined((DocumentKind)kind) ? null : (DocumentKind)kind;

    public static Proto.DocumentVersion ToProto(DocumentVersion v) => new()
    {
        Number = v.Number,
        Author = v.Author,
        CreatedAt = Timestamp.FromDateTimeOffset(v.CreatedAt),
        ChangeNote = v.ChangeNote,
        ContentSha256 = v.ContentSha256,
        ArticlesDone = v.ArticlesDone,
    };

    public static Proto.DocumentDiff ToProto(Guid documentId, DocumentVersion from, DocumentVersion to, IReadOnlyList<FieldChange> changes)
    {
        var diff = new Proto.DocumentDiff { DocumentId = documentId.ToString(), FromVersion = from.Number, ToVersion = to.Number };
        diff.Changes.AddRange(changes.Select(c => new Proto.FieldChange { ArticleId = c.ArticleId, Field = c.Field, Kind = (Proto.ChangeKind)c.Kind, Before = c.Before, After = c.After }));
        return diff;
    }

    public static Proto.ReviewProgress ToProto(ReviewProgress progress)
    {
        var proto = new Proto.ReviewProgress { CountryReviewId = progress.CountryReviewId, Cluster = progress.Questionnaire.Cluster, ArticlesTotal = progress.Questionnaire.Articles.Count };
        foreach (var d in progress.Documents)
        {
            var p = new Proto.DocumentProgress
            {
                DocumentId = d.Document.Id.ToString(),
                Kind = (Proto.DocumentKind)d.Document.Kind,
                Party = d.Document.Party,
                Language = d.Document.Language,
                Status = (Proto.DocumentStatus)d.Document.Status,
                Version = d.Version,
                ArticlesTotal = d.Articles.Count,
                ArticlesDone = d.Done,
            };
            p.Articles.AddRange(d.Articles.Select(a => new Proto.ArticleProgress { ArticleId = a.ArticleId, Done = a.Done }));
            proto.Documents.Add(p);
        }
        return proto;
    }

    public static Proto.Questionnaire ToProto(Questionnaire q)
    {
        var proto = new Proto.Questionnaire { Cluster = q.Cluster, Subject = q.Subject };
        proto.Articles.AddRange(q.Articles.Select(a => new Proto.QuestionnaireArticle { Id = a.Id, Instrument = a.Instrument, Article = a.Article, Title = a.Title }));
        return proto;
    }

    public static Proto.PublishedDocumentInfo ToProto(PublishedDocumentInfo info)
    {
        var proto = new Proto.PublishedDocumentInfo
        {
            DocumentId = info.Document.Id.ToString(),
            CountryReviewId = info.Document.CountryReviewId,
            Kind = (Proto.DocumentKind)info.Document.Kind,
            Title = info.Title,
            Language = info.Document.Language,
            OriginalDocumentId = info.Document.OriginalDocumentId?.ToString() ?? "",
            Cluster = info.Document.Cluster,
            Phase = info.Document.Phase,
            Version = info.Document.PublishedVersion,
            PublishedAt = Timestamp.FromDateTimeOffset(info.PublishedAt),
        };
        proto.Files.AddRange(info.Files.Select(ToProto));
        return proto;
    }
}
