using System.Text;

namespace Reporting.Api.Domain.Compilation;

/// <summary>
/// The compilation as a Markdown document, in the order of the published one: Part A, the working groups'
/// recommendations by year and meeting; Part B, the Chairs' observations by year and dialogue. Within a meeting,
/// entries keep the order they were added in.
/// </summary>
public static class CompilationDocument
{
    public const string Title = "Compilation of recommendations on the UNTOC Review Mechanism";

    public static string Markdown(IReadOnlyList<RecommendationEntry> entries, int revision, DateTimeOffset generatedAt)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {Title}");
        text.AppendLine();
        text.AppendLine("Recommendations made by the working groups of the Conference of the Parties to the United Nations Convention against Transnational Organized Crime, and observations by the Chairs of the constructive dialogues on the review process.");
        text.AppendLine();
        text.AppendLine($"*Revision {revision}, generated {generatedAt:d MMMM yyyy HH:mm} UTC; {entries.Count} entries. A living document: regenerated after each addition.*");
        text.AppendLine();
        Part(text, "A. Recommendations by the working groups", entries.Where(e => e.Kind == EntryKind.WorkingGroup).ToList(), e => $"Recommendation {e.Number}");
        Part(text, "B. Observations by the Chairs of the constructive dialogues", entries.Where(e => e.Kind == EntryKind.ChairObservation).ToList(), e => $"Observation {e.Number}");
        return text.ToString();
    }

    private static void Part(StringBuilder text, string title, List<RecommendationEntry> entries, Func<RecommendationEntry, string> heading)
    {
        text.AppendLine($"## {title}");
        text.AppendLine();
        if (entries.Count == 0)
        {
            text.AppendLine("*None yet.*");
            text.AppendLine();
            return;
        }
        foreach (var year in entries.GroupBy(e => e.Year).OrderBy(g => g.Key))
        {
            foreach (var meeting in year.GroupBy(e => (e.Body, e.DocumentSymbol)))
            {
                text.AppendLine($"### {year.Key}: {Escape(meeting.Key.Body)} ({Escape(meeting.Key.DocumentSymbol)})");
                text.AppendLine();
                foreach (var entry in meeting)
                {
                    text.AppendLine($"#### {Escape(heading(entry))}");
                    text.AppendLine();
                    foreach (var line in entry.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        text.AppendLine(Escape(line));
                        text.AppendLine();
                    }
                    if (entry.Topics.Count > 0)
                    {
                        text.AppendLine($"*Topics: {Escape(string.Join(", ", entry.Topics))}*");
                        text.AppendLine();
                    }
                }
            }
        }
    }

    /// <summary>Markdown's special characters in entered text shown as themselves (no raw HTML, no accidental emphasis).</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
