using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Data.EntityConfigurations;

internal sealed class CountryReviewConfiguration : IEntityTypeConfiguration<CountryReview>
{
    public void Configure(EntityTypeBuilder<CountryReview> builder)
    {
        builder.ToTable("country_reviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasColumnName("id").HasMaxLength(16);
        builder.Property(r => r.PartyUnderReview).HasColumnName("party_under_review").HasMaxLength(3);
        builder.Property(r => r.GroupNumber).HasColumnName("group_number");
        builder.Property(r => r.Phase).HasColumnName("phase");
        builder.Property(r => r.Cluster).HasColumnName("cluster");
        builder.Property(r => r.StartDate).HasColumnName("start_date");
        builder.Property(r => r.Stage).HasColumnName("stage");
        builder.Property(r => r.StageEnteredAt).HasColumnName("stage_entered_at");
        builder.Property(r => r.PartyCodes).HasColumnName("party_codes");
        builder.Property(r => r.Languages).HasColumnName("languages");
        builder.Property(r => r.LanguagesExceptional).HasColumnName("languages_exceptional");
        builder.Property(r => r.QuestionnaireSubmittedAt).HasColumnName("questionnaire_submitted_at");
        builder.Property(r => r.ObservationsFinalizedAt).HasColumnName("observations_finalized_at");
        builder.Property(r => r.CreatedAt).HasColumnName("created_at");
        builder.Property(r => r.Version).IsRowVersion();
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.ActiveParticipants);
        builder.Ignore(r => r.ActiveReviewers);
        builder.OwnsMany(r => r.Participants, p =>
        {
            p.ToJson("participants");
            p.Property(x => x.Instruments).HasConversion<InstrumentSetConversion>();
            p.OwnsOne(x => x.FocalPoint);
            p.Ignore(x => x.IsActive);
            p.Ignore(x => x.IsReviewer);
        });
        builder.OwnsMany(r => r.Deadlines, d =>
        {
            d.ToJson("deadlines");
            d.OwnsMany(x => x.Extensions);
            d.Ignore(x => x.Agreed);
            d.Ignore(x => x.Effective);
            d.Ignore(x => x.IsMet);
            d.Ignore(x => x.PassesAt);
        });
        builder.OwnsMany(r => r.History, h => h.ToJson("history"));
        builder.OwnsOne(r => r.PreliminaryConsultation, c => c.ToJson("preliminary_consultation"));
        builder.HasIndex(r => new { r.GroupNumber, r.Phase }).HasDatabaseName("ix_country_reviews_group_phase");
        builder.HasIndex(r => r.PartyUnderReview).HasDatabaseName("ix_country_reviews_party_under_review");
        builder.HasIndex(r => r.PartyCodes).HasDatabaseName("ix_country_reviews_party_codes").HasMethod("gin");
    }
}
