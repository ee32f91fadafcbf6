using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Domain.Notifications;

/// <summary>The facts a notice template fills in.</summary>
public sealed record NoticeModel(
    string RecipientName,
    string PartyName,
    string PartyUnderReviewName,
    string CountryReviewId,
    int Cluster,
    DeadlineKind Deadline,
    DateOnly DueDate,
    int Days,
    string SecretariatEmail);
