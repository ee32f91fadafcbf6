namespace Reporting.Api.Data.ReadModels;

/// <summary>A focal point replaced by a successor (FocalPointReplaced).</summary>
public sealed class FocalPointChangeRow
{
    public string PredecessorNominationId { get; set; } = "";

    public string SuccessorNominationId { get; set; } = "";

    public string Party { get; set; } = "";

    public DateTimeOffset EffectiveFrom { get; set; }
}
