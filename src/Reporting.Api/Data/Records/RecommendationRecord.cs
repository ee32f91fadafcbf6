namespace Reporting.Api.Data.Records;

/// <summary>A working-group recommendation or a Chair observation of the compilation.</summary>
public sealed class RecommendationRecord
{
    public Guid Id { get; set; }

    /// <summary>WORKING_GROUP or CHAIR_OBSERVATION.</summary>
    public string Kind { get; set; } = "";

    public string Body { get; set; } = "";

    public int Year { get; set; }

    public string DocumentSymbol { get; set; } = "";

    public string Number { get; set; } = "";

    public string Text { get; set; } = "";

    public string[] Topics { get; set; } = [];

    /// <summary>Order of addition (the compilation lists entries of one meeting in this order).</summary>
    public long Sequence { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public string AddedBy { get; set; } = "";
}
