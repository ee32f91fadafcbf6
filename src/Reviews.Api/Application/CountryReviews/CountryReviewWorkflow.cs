using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Data;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Application.CountryReviews;

/// <summary>
/// The country reviews: read by their parties and the Secretariat (confidential to them), their preliminary
/// consultation and working languages recorded by a focal point of a party or the Secretariat, deadlines extended
/// by the Secretariat. The stages move on the other services' events (<see cref="IntegrationEvents.ReviewsEventHandler"/>).
/// </summary>
public sealed class CountryReviewWorkflow(ReviewsDbContext db, TimeProvider time)
{
    public async Task<ReviewView> GetAsync(Caller caller, string countryReviewId, CancellationToken cancellationToken)
    {
        var review = await db.FindReviewAsync(countryReviewId, cancellationToken, tracking: false);
        caller.RequireAccessTo(review);
        return await ViewAsync(review, cancellationToken);
    }

    /// <summary>The reviews matching the filter that the caller may read (all for the Secretariat, its parties' otherwise).</summary>
    public async Task<ReviewList> ListAsync(Caller caller, ReviewFilter filter, ReviewStage? stage, CancellationToken cancellationToken)
    {
        var reviews = await QueryAsync(caller, filter, cancellationToken);
        if (stage is { } wanted)
        {
            reviews = [.. reviews.Where(r => r.Stage == wanted)];
        }
        var now = time.GetUtcNow();
        return new ReviewList([.. reviews.Select(r => (r, r.Blocker(now)))], await db.PartyNamesAsync(cancellationToken));
    }

    /// <summary>What blocks each review the caller may read (reviews blocked by nothing are left out), optionally of one kind.</summary>
    public async Task<ReviewList> BlockersAsync(Caller caller, ReviewFilter filter, BlockerKind? kind, CancellationToken cancellationToken)
    {
        var reviews = await QueryAsync(caller, filter with { Phase = 0 }, cancellationToken);
        var now = time.GetUtcNow();
        var blocked = reviews.Select(r => (Review: r, Blocker: r.Blocker(now)))
            .Where(x => x.Blocker is { } b && (kind is null || b.Kind == kind))
            .Select(x => (x.Review, x.Blocker))
            .ToList();
        return new ReviewList(blocked, await db.PartyNamesAsync(cancellationToken));
    }

    public async Task<ReviewView> RecordPreliminaryConsultationAsync(Caller caller, RecordPreliminaryConsultationCommand command, CancellationToken cancellationToken)
    {
        var review = await db.FindReviewAsync(command.CountryReviewId, cancellationToken);
        caller.RequireSecretariatOrParty(review.PartyUnderReview, $"record the preliminary consultation of review {review.Id}", MechanismRoles.FocalPoint);
        var heldOn = command.HeldOn?.ToDate("held_on") ?? throw DomainException.Invalid("held_on", "held_on is required (year, month, day).");
        review.RecordPreliminaryConsultation(
            heldOn, command.Participants, command.Languages, command.LanguagesExceptional, command.AgreedTimeFrames, command.Notes, time.GetUtcNow(), caller.Subject);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(review, cancellationToken);
    }

    public async Task<ReviewView> SetWorkingLanguagesAsync(Caller caller, string countryReviewId, IReadOnlyList<UnLanguage> languages, bool exceptional, CancellationToken cancellationToken)
    {
        var review = await db.FindReviewAsync(countryReviewId, cancellationToken);
        if (!caller.IsSecretariat)
        {
            var party = review.ActiveParticipants.Select(p => p.Iso3).FirstOrDefault(caller.Parties.Contains)
                ?? throw DomainException.Denied("NOT_YOUR_PARTY", $"country-review/{review.Id}", $"Only the secretariat or a focal point of a party of review {review.Id} can set its working languages.");
            caller.RequireSecretariatOrParty(party, "set the working languages", MechanismRoles.FocalPoint);
        }
        review.SetLanguages(languages, exceptional, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(review, cancellationToken);
    }

    public async Task<ReviewView> AgreeExtensionAsync(Caller caller, AgreeExtensionCommand command, CancellationToken cancellationToken)
    {
        var review = await db.FindReviewAsync(command.CountryReviewId, cancellationToken);
        review.AgreeExtension(command.Deadline, command.NewDate, command.AgreedByParties, command.Reason, time.GetUtcNow(), caller.Subject);
        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(review, cancellationToken);
    }

    private async Task<ReviewView> ViewAsync(CountryReview review, CancellationToken cancellationToken) =>
        new(review, review.Blocker(time.GetUtcNow()), await db.PartyNamesAsync(cancellationToken));

    private async Task<List<CountryReview>> QueryAsync(Caller caller, ReviewFilter filter, CancellationToken cancellationToken)
    {
        var query = db.CountryReviews.AsNoTracking();
        if (filter.GroupNumber != 0)
        {
            query = query.Where(r => r.GroupNumber == filter.GroupNumber);
        }
        if (filter.Phase != 0)
        {
            query = query.Where(r => r.Phase == filter.Phase);
        }
        if (filter.Party.Length > 0)
        {
            var iso3 = Iso3.Normalize(filter.Party, "party");
            query = query.Where(r => r.PartyCodes.Contains(iso3));
        }
        if (!caller.IsSecretariat)
        {
            var mine = caller.Parties.ToArray();
            query = query.Where(r => r.PartyCodes.Any(p => mine.Contains(p)));
        }
        var reviews = await query.OrderBy(r => r.GroupNumber).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return [.. reviews.Where(caller.CanRead)];
    }
}
