namespace Reporting.Api.Data.Records;

/// <summary>A completed rebuild of the read models.</summary>
public sealed class RebuildRecord
{
    public Guid Id { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public string RequestedBy { get; set; } = "";

    public int Reviews { get; set; }

    public int StageChanges { get; set; }

    public int Nominations { get; set; }
}
