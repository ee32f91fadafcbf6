namespace Documents.Api.Domain.Access;

/// <summary>Which versions of a document a caller may read.</summary>
public enum ReadLevel
{
    /// <summary>Not even that the document exists.</summary>
    None = 0,

    /// <summary>The version on the public country profile.</summary>
    Published = 1,

    /// <summary>The versions transmitted to the other parties (and the published one).</summary>
    Transmitted = 2,

    /// <summary>Every version, drafts included.</summary>
    Drafts = 3,
}
