namespace Reporting.Api.Data.ReadModels;

/// <summary>A registration to an SE4U training, its cancellation and completion.</summary>
public sealed class TrainingRegistrationRow
{
    public string RegistrationId { get; set; } = "";

    public string TrainingId { get; set; } = "";

    public string Course { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Country { get; set; } = "";

    public string Organization { get; set; } = "";

    public string Category { get; set; } = "";

    public DateTimeOffset? RegisteredAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
