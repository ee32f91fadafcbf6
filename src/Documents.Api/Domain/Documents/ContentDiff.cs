namespace Documents.Api.Domain.Documents;

public enum ChangeKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
}

public sealed record FieldChange(string ArticleId, string Field, ChangeKind Kind, string Before, string After);

/// <summary>What changed between two versions, field by field, in the order the newer version reads.</summary>
public static class ContentDiff
{
    public static IReadOnlyList<FieldChange> Between(DocumentContent before, DocumentContent after)
    {
        var old = Flatten(before);
        var @new = Flatten(after);
        var changes = new List<FieldChange>();
        foreach (var (key, value) in @new)
        {
            if (!old.TryGetValue(key, out var previous))
            {
                changes.Add(new FieldChange(key.Article, key.Field, ChangeKind.Added, "", value));
            }
            else if (!string.Equals(previous, value, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(key.Article, key.Field, ChangeKind.Changed, previous, value));
            }
        }
        changes.AddRange(old.Where(o => !@new.ContainsKey(o.Key)).Select(o => new FieldChange(o.Key.Article, o.Key.Field, ChangeKind.Removed, o.Value, "")));
        return changes;
    }

    private static Dictionary<(string Article, string Field), string> Flatten(DocumentContent content)
    {
        var fields = new Dictionary<(string, string), string>();
        foreach (var field in ContentFields.Flatten(content))
        {
            // A duplicated article (refused on save) would repeat keys: the first one counts.
            fields.TryAdd((field.ArticleId, field.Field), field.Value);
        }
        return fields;
    }
}
