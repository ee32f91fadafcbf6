namespace Documents.Api.Domain.Access;

/// <summary>What a caller may ask of a document. Creating one is <see cref="Edit"/> on the document it would be.</summary>
public enum DocumentAction
{
    Read,
    Edit,
    Submit,
    Clear,
    Return,
    Transmit,
    Share,
    Publish,
}
