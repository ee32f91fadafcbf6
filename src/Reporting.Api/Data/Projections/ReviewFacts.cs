namespace Reporting.Api.Data.Projections;

/// <summary>A review as opened, with its parties (from CountryReviewOpened or the Reviews API).</summary>
public sealed record OpenedReview(
    string Id, string PartyUnderReview, int Group, int Phase, int Cluster, DateOnly StartDate, DateTimeOffset OpenedAt,
    IReadOnlyList<(string Party, string Role)> Places);

/// <summary>A review entering a stage.</summary>
public sealed record StageChange(string ReviewId, DateTimeOffset ChangedAt, int FromStage, int ToStage);

/// <summary>The working languages a review agreed (ISO 639-1 codes).</summary>
public sealed record AgreedLanguages(string ReviewId, IReadOnlyList<string> Languages, bool Exceptional, DateTimeOffset AgreedAt);

/// <summary>A nomination received (PersonNominated, or the Nominations API).</summary>
public sealed record ReceivedNomination(
    string NominationId, string Party, string Role, int ScopeKind, string? ScopeReviewId, string PersonId, string Gender, DateTimeOffset EffectiveFrom);

/// <summary>A nomination that ended (a substitution or a withdrawal).</summary>
public sealed record EndedNomination(
    string NominationId, string Party, string Role, int ScopeKind, string? ScopeReviewId, string PersonId, DateTimeOffset EndedAt, string EndKind);

/// <summary>A document fact: transmitted, finalized or published.</summary>
public sealed record DocumentFact(string Key, string Kind, string ReviewId, string Party, DateTimeOffset OccurredAt, string Language, int TechnicalAssistanceNeeds);
