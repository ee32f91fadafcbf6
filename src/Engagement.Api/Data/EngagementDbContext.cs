using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.Domain.Trainings;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Messaging.Data;

namespace Engagement.Api.Data;

/// <summary>engagementdb: dialogues, applications, trainings, registrations, the mail queue, the outbox and inbox.</summary>
public sealed class EngagementDbContext(DbContextOptions<EngagementDbContext> options) : DbContext(options)
{
    /// <summary>Gives the order in which applications start to count (arrival numbers) and waitlist numbers.</summary>
    public const string ArrivalSequence = "application_arrivals";

    public DbSet<ConstructiveDialogue> Dialogues => Set<ConstructiveDialogue>();

    public DbSet<DialogueApplication> Applications => Set<DialogueApplication>();

    public DbSet<Training> Trainings => Set<Training>();

    public DbSet<TrainingRegistration> TrainingRegistrations => Set<TrainingRegistration>();

    public DbSet<QueuedMail> MailQueue => Set<QueuedMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>(ArrivalSequence);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngagementDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
