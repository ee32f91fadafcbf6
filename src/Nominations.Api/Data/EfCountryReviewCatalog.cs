using Microsoft.EntityFrameworkCore;
using Nominations.Api.Domain.Reviews;

namespace Nominations.Api.Data;

/// <summary>The parties and country reviews read-model in PostgreSQL.</summary>
public sealed class EfCountryReviewCatalog(NominationsDbContext db, TimeProvider time) : ICountryReviewCatalog
{
    public async Task<KnownParty?> FindPartyAsync(string iso3, CancellationToken cancellationToken)
    {
        var row = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Iso3 == iso3, cancellationToken);
        return row is null ? null : new KnownParty(row.Iso3, row.Name);
    }

    public async Task<CountryReviewInfo?> FindReviewAsync(string countryReviewId, CancellationToken cancellationToken)
    {
        var row = await db.CountryReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == countryReviewId, cancellationToken);
        return row is null ? null : ToInfo(row);
    }

    public async Task<IReadOnlyList<CountryReviewInfo>> ListStartedReviewsAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var rows = await db.CountryReviews.AsNoTracking()
            .Where(r => r.StartedAt != null && r.StartedAt <= asOf)
            .OrderBy(r => r.StartedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(ToInfo).ToList();
    }

    public async Task UpsertPartyAsync(KnownParty party, CancellationToken cancellationToken)
    {
        var row = await db.Parties.FirstOrDefaultAsync(p => p.Iso3 == party.Iso3, cancellationToken);
        if (row is null)
        {
            db.Parties.Add(new PartyRecord { Iso3 = party.Iso3, Name = party.Name });
        }
        else
        {
            row.Name = party.Name;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UpsertReviewAsync(CountryReviewInfo review, CancellationToken cancellationToken)
    {
        var row = await db.CountryReviews.FirstOrDefaultAsync(r => r.Id == review.Id, cancellationToken);
        if (row is null)
        {
            row = new CountryReviewRecord { Id = review.Id };
            db.CountryReviews.Add(row);
        }
        row.PartyUnderReview = review.PartyUnderReview;
        row.ReviewingParties = review.ReviewingParties.ToList();
        row.StartedAt = review.StartedAt;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static CountryReviewInfo ToInfo(CountryReviewRecord row) =>
        new(row.Id, row.PartyUnderReview, row.ReviewingParties, row.StartedAt);
}
