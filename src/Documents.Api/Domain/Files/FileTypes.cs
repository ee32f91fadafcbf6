namespace Documents.Api.Domain.Files;

/// <summary>The file types accepted as supporting files, recognized by their content (never by their name).</summary>
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeaderLength = 8;

    /// <summary>What the first bytes say: a PDF, a ZIP container (a DOCX only if it holds a Word document), or neither.</summary>
    public static HeaderKind Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("%PDF-"u8))
        {
            return HeaderKind.Pdf;
        }
        if (header.StartsWith("PK\u0003\u0004"u8))
        {
            return HeaderKind.Zip;
        }
        return HeaderKind.Unknown;
    }

    /// <summary>A ZIP container is a DOCX when it has the Open Packaging content types and a main Word document part.</summary>
    public static bool IsWordPackage(IEnumerable<string> entryNames)
    {
        var names = entryNames.ToHashSet(StringComparer.Ordinal);
        return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml");
    }

    /// <summary>A file name kept for display: no folders, no control characters, at most 200 characters.</summary>
    public static string CleanFileName(string name)
    {
        var leaf = name.Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string(leaf.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length > 200 ? clean[..200] : clean;
    }
}

public enum HeaderKind
{
    Unknown,
    Pdf,
    Zip,
}
