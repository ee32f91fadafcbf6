using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Application.CountryReviews;

/// <summary>Which reviews to list (0 / empty = any); the caller sees only those it may read.</summary>
public sealed record ReviewFilter(int GroupNumber, string Party, int Phase);

/// <summary>
/// The preliminary consultation of a review (para 29): when, who took part, the working languages agreed. The date is
/// checked after the caller (a focal point of another party is refused whatever else the request says).
/// </summary>
public sealed record RecordPreliminaryConsultationCommand(
    string CountryReviewId, DateInput? HeldOn, IReadOnlyList<string> Participants, IReadOnlyList<UnLanguage> Languages, bool LanguagesExceptional,
    string AgreedTimeFrames, string? Notes);

/// <summary>A deadline of a review moved, as the parties agreed.</summary>
public sealed record AgreeExtensionCommand(string CountryReviewId, DeadlineKind Deadline, DateOnly NewDate, IReadOnlyList<string> AgreedByParties, string Reason);

/// <summary>A review as a caller sees it: with what blocks it now and the parties' names.</summary>
public sealed record ReviewView(CountryReview Review, ReviewBlocker? Blocker, Func<string, string> PartyName);

/// <summary>The reviews of a list, with their blockers, and the parties' names.</summary>
public sealed record ReviewList(IReadOnlyList<(CountryReview Review, ReviewBlocker? Blocker)> Reviews, Func<string, string> PartyName);
