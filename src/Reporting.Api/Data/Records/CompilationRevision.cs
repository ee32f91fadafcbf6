namespace Reporting.Api.Data.Records;

/// <summary>One generated revision of the compilation (a new one after every addition).</summary>
public sealed class CompilationRevision
{
    public int Revision { get; set; }

    public DateTimeOffset GeneratedAt { get; set; }

    public int Entries { get; set; }

    public string Markdown { get; set; } = "";

    public string Html { get; set; } = "";
}
