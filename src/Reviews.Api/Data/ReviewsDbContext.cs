using Microsoft.EntityFrameworkCore;
using Reviews.Api.Data.EntityConfigurations;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Nominations;
using Reviews.Api.Domain.Notifications;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Data;

/// <summary>
/// The Reviews service's database (PostgreSQL, <c>reviewsdb</c>). The schema comes from the hand-written migrations
/// in <c>Data/Migrations</c>; the outbox and inbox tables of the messaging library will be added by its own
/// migration when it lands (names <c>outbox_messages</c>, <c>inbox_messages</c> are left free).
/// </summary>
public sealed class ReviewsDbContext(DbContextOptions<ReviewsDbContext> options) : DbContext(options)
{
    public DbSet<Party> Parties => Set<Party>();

    public DbSet<ReviewGroup> Groups => Set<ReviewGroup>();

    public DbSet<DrawRecord> Draws => Set<DrawRecord>();

    public DbSet<CountryReview> CountryReviews => Set<CountryReview>();

    public DbSet<KnownNomination> Nominations => Set<KnownNomination>();

    public DbSet<SentNotification> Notifications => Set<SentNotification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new PartyConfiguration());
        modelBuilder.ApplyConfiguration(new ReviewGroupConfiguration());
        modelBuilder.ApplyConfiguration(new DrawRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CountryReviewConfiguration());
        modelBuilder.ApplyConfiguration(new KnownNominationConfiguration());
        modelBuilder.ApplyConfiguration(new SentNotificationConfiguration());
    }
}
