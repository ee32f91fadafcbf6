using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Parties;
using Microsoft.Extensions.Time.Testing;

namespace Reviews.Tests.Support;

/// <summary>Builds country reviews for lifecycle tests.</summary>
public static class ReviewsFactory
{
    public static readonly DateOnly Start = new(2020, 12, 1);

    public static CountryPairing Pairing(string pur = "DEU", string same = "FRA", string other = "BRA", params AdditionalReviewer[] additional) =>
        new(pur, same, other, additional);

    public static CountryReview New(FakeTimeProvider clock, CountryPairing? pairing = null, Func<string, ReviewRole, FocalPointContact?>? known = null, ReviewTimelineOptions? timeline = null) =>
        CountryReview.Create(1, 1, 1, Start, pairing ?? Pairing(), known ?? ((_, _) => null), timeline ?? new ReviewTimelineOptions(), clock.GetUtcNow(), "secretariat");

    public static FocalPointContact Fp(string party, DateTimeOffset since, string? suffix = null) =>
        new($"person-{party}{suffix}", $"nomination-{party}{suffix}", $"Focal Point {party}{suffix}", $"fp.{party.ToLowerInvariant()}{suffix}@example.org", since);

    /// <summary>Nominates every missing focal point (the review moves to the preliminary consultation).</summary>
    public static void NominateAll(CountryReview review, FakeTimeProvider clock)
    {
        foreach (var participant in review.ActiveParticipants.Where(p => p.FocalPoint is null).ToList())
        {
            review.RecordFocalPoint(participant.Iso3, Fp(participant.Iso3, clock.GetUtcNow()), clock.GetUtcNow(), "nominations");
        }
    }

    public static string Name(string iso3) => RealParties.All.FirstOrDefault(p => p.Iso3 == iso3)?.Name ?? iso3;

    public static Party? PartyOf(string iso3) => RealParties.All.FirstOrDefault(p => p.Iso3 == iso3);
}
