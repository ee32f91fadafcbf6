using System.Text.RegularExpressions;

namespace Reporting.Api.Domain.Compilation;

/// <summary>What an entry must have before it joins the compilation; topics are kept lower-case and unique.</summary>
public static partial class EntryRules
{
    public const int FirstYear = 2018;

    public static RecommendationEntry Validate(RecommendationEntry entry, int currentYear)
    {
        var violations = new List<FieldViolation>();
        if (!Enum.IsDefined(entry.Kind))
        {
            violations.Add(new FieldViolation("kind", "Say whether this is a working-group recommendation or a Chair observation."));
        }
        if (string.IsNullOrWhiteSpace(entry.Body))
        {
            violations.Add(new FieldViolation("body", "Name the meeting body (e.g. \"Working Group on Trafficking in Persons\")."));
        }
        if (entry.Year < FirstYear || entry.Year > currentYear + 1)
        {
            violations.Add(new FieldViolation("year", $"The year must be between {FirstYear} (the Mechanism's establishment) and {currentYear + 1}; got {entry.Year}."));
        }
        if (entry.Kind == EntryKind.WorkingGroup && string.IsNullOrWhiteSpace(entry.DocumentSymbol))
        {
            violations.Add(new FieldViolation("document_symbol", "A working-group recommendation needs the symbol of the meeting's report (e.g. CTOC/COP/WG.4/2022/4)."));
        }
        if (entry.Kind == EntryKind.WorkingGroup && string.IsNullOrWhiteSpace(entry.Number))
        {
            violations.Add(new FieldViolation("number", "A working-group recommendation needs its number in the report (e.g. 14 or (l))."));
        }
        if (string.IsNullOrWhiteSpace(entry.Text))
        {
            violations.Add(new FieldViolation("text", "The text of the recommendation is empty."));
        }
        var topics = entry.Topics.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        foreach (var topic in topics.Where(t => !TopicPattern().IsMatch(t)))
        {
            violations.Add(new FieldViolation("topics", $"Topic \"{topic}\" must be lower-case words (letters, digits, spaces, hyphens), at most 40 characters."));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid($"The entry cannot be added: {violations[0].Description}", violations);
        }
        return entry with
        {
            Body = entry.Body.Trim(),
            DocumentSymbol = string.IsNullOrWhiteSpace(entry.DocumentSymbol) ? "Summary by the Chair" : entry.DocumentSymbol.Trim(),
            Number = entry.Number.Trim(),
            Text = entry.Text.Trim(),
            Topics = topics,
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9 -]{0,39}$")]
    private static partial Regex TopicPattern();
}
