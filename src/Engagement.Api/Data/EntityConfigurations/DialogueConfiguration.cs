using Engagement.Api.Domain.Dialogues;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Engagement.Api.Data.EntityConfigurations;

internal sealed class DialogueConfiguration : IEntityTypeConfiguration<ConstructiveDialogue>
{
    public void Configure(EntityTypeBuilder<ConstructiveDialogue> builder)
    {
        builder.ToTable("dialogues");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id");
        builder.Property(d => d.Topic).HasColumnName("topic").HasConversion<string>();
        builder.Property(d => d.Session).HasColumnName("session");
        builder.Property(d => d.Title).HasColumnName("title");
        builder.Property(d => d.HeldOn).HasColumnName("held_on");
        builder.Property(d => d.Venue).HasColumnName("venue").HasConversion<string>();
        builder.Property(d => d.InPersonCapacity).HasColumnName("in_person_capacity");
        builder.Property(d => d.OnlineCapacity).HasColumnName("online_capacity");
        builder.Property(d => d.ApprovedInPerson).HasColumnName("approved_in_person");
        builder.Property(d => d.ApprovedOnline).HasColumnName("approved_online");
        builder.Property(d => d.LastDayToApply).HasColumnName("last_day_to_apply");
        builder.Property(d => d.TimeZoneId).HasColumnName("time_zone");
        builder.PrimitiveCollection(d => d.ApplyingCategories).HasColumnName("applying_categories");
        builder.PrimitiveCollection(d => d.AttendingCategories).HasColumnName("attending_categories");
        builder.Property(d => d.AutomaticApproval).HasColumnName("automatic_approval");
        builder.Property(d => d.IdempotencyKey).HasColumnName("idempotency_key");
        builder.HasIndex(d => d.IdempotencyKey).IsUnique().HasDatabaseName("ux_dialogues_idempotency_key");
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        builder.Property(d => d.Version).IsRowVersion();
        builder.OwnsOne(d => d.ChairSummary, summary =>
        {
            summary.Property(s => s.Url).HasColumnName("chair_summary_url");
            summary.Property(s => s.NextSession).HasColumnName("chair_summary_next_session");
            summary.Property(s => s.NextDialogueId).HasColumnName("chair_summary_next_dialogue_id");
            summary.Property(s => s.PublishedAt).HasColumnName("chair_summary_published_at");
        });
        builder.Ignore(d => d.Deadline);
    }
}
