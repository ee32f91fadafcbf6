using Microsoft.EntityFrameworkCore;
using Reporting.Api.Data.ReadModels;
using Reporting.Api.Data.Records;
using ReviewMechanism.Messaging.Data;

namespace Reporting.Api.Data;

/// <summary>
/// The Reporting database. Read models (<c>rm_*</c>): facts from the other services' events, stored under their
/// natural keys so a redelivered or late event changes nothing twice and the arrival order does not matter; the
/// rebuild replaces them from the services' APIs. Records the service owns: the compilation of recommendations and
/// its revisions, briefings, survey answers, rebuilds. Plus the messaging library's outbox and inbox.
/// </summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : DbContext(options)
{
    public DbSet<ReviewRow> Reviews => Set<ReviewRow>();

    public DbSet<ReviewPartiesRow> ReviewParties => Set<ReviewPartiesRow>();

    public DbSet<StageChangeRow> StageChanges => Set<StageChangeRow>();

    public DbSet<ReviewLanguagesRow> ReviewLanguages => Set<ReviewLanguagesRow>();

    public DbSet<NominationRow> Nominations => Set<NominationRow>();

    public DbSet<FocalPointChangeRow> FocalPointChanges => Set<FocalPointChangeRow>();

    public DbSet<DocumentEventRow> DocumentEvents => Set<DocumentEventRow>();

    public DbSet<DialogueApplicationRow> DialogueApplications => Set<DialogueApplicationRow>();

    public DbSet<TrainingRegistrationRow> TrainingRegistrations => Set<TrainingRegistrationRow>();

    public DbSet<RecommendationRecord> Recommendations => Set<RecommendationRecord>();

    public DbSet<CompilationRevision> CompilationRevisions => Set<CompilationRevision>();

    public DbSet<BriefingRecord> Briefings => Set<BriefingRecord>();

    public DbSet<SurveyResponseRecord> SurveyResponses => Set<SurveyResponseRecord>();

    public DbSet<RebuildRecord> Rebuilds => Set<RebuildRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReviewRow>(e => e.ToTable(ReportingTables.Reviews).HasKey(x => x.Id));
        modelBuilder.Entity<ReviewPartiesRow>(e => e.ToTable(ReportingTables.ReviewParties).HasKey(x => new { x.ReviewId, x.ChangedAt }));
        modelBuilder.Entity<StageChangeRow>(e => e.ToTable(ReportingTables.StageChanges).HasKey(x => new { x.ReviewId, x.ChangedAt, x.ToStage }));
        modelBuilder.Entity<ReviewLanguagesRow>(e => e.ToTable(ReportingTables.ReviewLanguages).HasKey(x => x.ReviewId));
        modelBuilder.Entity<NominationRow>(e => e.ToTable(ReportingTables.Nominations).HasKey(x => x.NominationId));
        modelBuilder.Entity<FocalPointChangeRow>(e => e.ToTable(ReportingTables.FocalPointChanges).HasKey(x => x.PredecessorNominationId));
        modelBuilder.Entity<DocumentEventRow>(e => e.ToTable(ReportingTables.DocumentEvents).HasKey(x => x.Key));
        modelBuilder.Entity<DialogueApplicationRow>(e => e.ToTable(ReportingTables.DialogueApplications).HasKey(x => x.ApplicationId));
        modelBuilder.Entity<TrainingRegistrationRow>(e => e.ToTable(ReportingTables.TrainingRegistrations).HasKey(x => x.RegistrationId));
        modelBuilder.Entity<RecommendationRecord>(e =>
        {
            e.ToTable(ReportingTables.Recommendations).HasKey(x => x.Id);
            e.Property(x => x.Sequence).UseIdentityAlwaysColumn();
            e.HasIndex(x => new { x.Kind, x.DocumentSymbol, x.Body, x.Number }).IsUnique();
        });
        modelBuilder.Entity<CompilationRevision>(e =>
        {
            e.ToTable(ReportingTables.CompilationRevisions).HasKey(x => x.Revision);
            e.Property(x => x.Revision).ValueGeneratedNever();
        });
        modelBuilder.Entity<BriefingRecord>(e => e.ToTable(ReportingTables.Briefings).HasKey(x => x.Id));
        modelBuilder.Entity<SurveyResponseRecord>(e => e.ToTable(ReportingTables.SurveyResponses).HasKey(x => x.Party));
        modelBuilder.Entity<RebuildRecord>(e => e.ToTable(ReportingTables.Rebuilds).HasKey(x => x.Id));
        SnakeCaseColumns(modelBuilder);
        modelBuilder.AddOutboxAndInbox();
    }

    /// <summary>Column names in snake_case (the migration's SQL names them so).</summary>
    private static void SnakeCaseColumns(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ReportingTables.SnakeCase(property.Name));
            }
        }
    }
}
