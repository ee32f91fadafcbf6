using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Data;
using ReviewMechanism.Messaging.Outbox;
using Reviews.Api.Data.EntityConfigurations;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Nominations;
using Reviews.Api.Domain.Notifications;
using Reviews.Api.Domain.Parties;
using Reviews.Api.IntegrationEvents;

namespace Reviews.Api.Data;

/// <summary>
/// The Reviews service's database (PostgreSQL, <c>reviewsdb</c>). The schema comes from the hand-written migrations
/// in <c>Data/Migrations</c>, with the messaging library's outbox and inbox tables. Saving turns the changes the
/// country reviews recorded, and the events queued with <see cref="Publish"/>, into outbox rows of the same
/// transaction: an event is published if and only if its change is stored.
/// </summary>
public sealed class ReviewsDbContext(DbContextOptions<ReviewsDbContext> options) : DbContext(options)
{
    public DbSet<Party> Parties => Set<Party>();

    public DbSet<ReviewGroup> Groups => Set<ReviewGroup>();

    public DbSet<DrawRecord> Draws => Set<DrawRecord>();

    public DbSet<CountryReview> CountryReviews => Set<CountryReview>();

    public DbSet<KnownNomination> Nominations => Set<KnownNomination>();

    public DbSet<SentNotification> Notifications => Set<SentNotification>();

    private readonly List<IMessage> _queued = [];

    /// <summary>Queues an integration event to be stored with the next save.</summary>
    public void Publish(IMessage integrationEvent) => _queued.Add(integrationEvent);

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        MoveEventsToOutbox();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        MoveEventsToOutbox();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void MoveEventsToOutbox()
    {
        foreach (var entry in ChangeTracker.Entries<CountryReview>().ToList())
        {
            foreach (var integrationEvent in ReviewIntegrationEvents.For(entry.Entity))
            {
                this.AddIntegrationEvent(integrationEvent);
            }
            entry.Entity.ClearDomainEvents();
        }
        foreach (var integrationEvent in _queued)
        {
            this.AddIntegrationEvent(integrationEvent);
        }
        _queued.Clear();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new PartyConfiguration());
        modelBuilder.ApplyConfiguration(new ReviewGroupConfiguration());
        modelBuilder.ApplyConfiguration(new DrawRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CountryReviewConfiguration());
        modelBuilder.ApplyConfiguration(new KnownNominationConfiguration());
        modelBuilder.ApplyConfiguration(new SentNotificationConfiguration());
        modelBuilder.AddOutboxAndInbox();
    }
}
