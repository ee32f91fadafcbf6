using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Data;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Nominations;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Application;

/// <summary>What the use cases load: a party, group or review by its key (NOT_FOUND when absent), and the lookups they share.</summary>
internal static class ReviewsLookups
{
    public static async Task<Party> FindPartyAsync(this ReviewsDbContext db, string code, string field, CancellationToken cancellationToken)
    {
        var iso3 = Iso3.Normalize(code, field);
        return await db.Parties.SingleOrDefaultAsync(p => p.Iso3 == iso3, cancellationToken)
            ?? throw DomainException.NotFound("PARTY_NOT_FOUND", $"party/{iso3}", $"No party {iso3} is recorded (parties are ISO 3166-1 alpha-3 codes; EUU is the European Union).");
    }

    public static async Task<ReviewGroup> FindGroupAsync(this ReviewsDbContext db, int number, CancellationToken cancellationToken) =>
        await db.Groups.SingleOrDefaultAsync(g => g.Number == number, cancellationToken)
        ?? throw DomainException.NotFound("GROUP_NOT_FOUND", $"group/{number}", number == 0 ? "Name the group (group_number 1, 2, 3...)." : $"There is no group {number}; split the parties into groups first.");

    public static async Task<CountryReview> FindReviewAsync(this ReviewsDbContext db, string id, CancellationToken cancellationToken, bool tracking = true)
    {
        var key = id.Trim().ToUpperInvariant();
        if (key.Length == 0)
        {
            throw DomainException.Invalid("country_review_id", "Name the country review (e.g. DEU-C1).");
        }
        var query = tracking ? db.CountryReviews : db.CountryReviews.AsNoTracking();
        return await query.SingleOrDefaultAsync(r => r.Id == key, cancellationToken)
            ?? throw DomainException.NotFound("COUNTRY_REVIEW_NOT_FOUND", $"country-review/{key}", $"No country review {key} exists.");
    }

    /// <summary>Focal points already nominated (before a review existed), by party and place.</summary>
    public static async Task<Func<string, ReviewRole, FocalPointContact?>> KnownFocalPointsAsync(this ReviewsDbContext db, CancellationToken cancellationToken)
    {
        var nominations = await db.Nominations
            .Where(n => n.EndedAt == null && n.Role == NominationRole.FocalPoint)
            .ToListAsync(cancellationToken);
        return (party, role) => KnownNomination.FocalPointFor(nominations, "", party, role);
    }

    /// <summary>Each party's name by ISO3 (the code itself for one not recorded).</summary>
    public static async Task<Func<string, string>> PartyNamesAsync(this ReviewsDbContext db, CancellationToken cancellationToken)
    {
        var names = await db.Parties.AsNoTracking().Select(p => new { p.Iso3, p.Name }).ToDictionaryAsync(p => p.Iso3, p => p.Name, cancellationToken);
        return iso3 => names.GetValueOrDefault(iso3, iso3);
    }

    /// <summary>The candidates of a draw: the parties of the groups (the participants), party to the Convention on the date.</summary>
    public static async Task<IReadOnlyList<DrawCandidate>> ParticipantsAsOfAsync(this ReviewsDbContext db, DateOnly asOf, CancellationToken cancellationToken)
    {
        var groups = await db.Groups.AsNoTracking().Select(g => g.Parties).ToListAsync(cancellationToken);
        var participants = groups.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        var parties = await db.Parties.AsNoTracking().Where(p => participants.Contains(p.Iso3)).ToListAsync(cancellationToken);
        return DrawingOfLots.CandidatesAsOf(parties, asOf);
    }

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
