using Engagement.Api.Domain.Trainings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Engagement.Api.Data.EntityConfigurations;

internal sealed class TrainingConfiguration : IEntityTypeConfiguration<Training>
{
    public void Configure(EntityTypeBuilder<Training> builder)
    {
        builder.ToTable("trainings");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasColumnName("id");
        builder.Property(t => t.Kind).HasColumnName("kind").HasConversion<string>();
        builder.Property(t => t.Title).HasColumnName("title");
        builder.Property(t => t.Description).HasColumnName("description");
        builder.PrimitiveCollection(t => t.Languages).HasColumnName("languages");
        builder.Property(t => t.StartsOn).HasColumnName("starts_on");
        builder.Property(t => t.EndsOn).HasColumnName("ends_on");
        builder.Property(t => t.WorkloadHours).HasColumnName("workload_hours");
        builder.Property(t => t.LastDayToRegister).HasColumnName("last_day_to_register");
        builder.Property(t => t.TimeZoneId).HasColumnName("time_zone");
        builder.Property(t => t.IdempotencyKey).HasColumnName("idempotency_key");
        builder.HasIndex(t => t.IdempotencyKey).IsUnique().HasDatabaseName("ux_trainings_idempotency_key");
        builder.Property(t => t.CreatedAt).HasColumnName("created_at");
        builder.Ignore(t => t.Deadline);
    }
}
