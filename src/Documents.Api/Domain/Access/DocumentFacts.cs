using Documents.Api.Domain.Documents;

namespace Documents.Api.Domain.Access;

/// <summary>What the access policy needs to know of a document (or of the one about to be created).</summary>
public sealed record DocumentFacts(
    DocumentKind Kind, string Party, string PartyUnderReview, bool IsTranslation, int TransmittedVersion, int PublishedVersion, bool SharedWithOtherParties)
{
    public static DocumentFacts Of(Document d) =>
        new(d.Kind, d.Party, d.PartyUnderReview, d.IsTranslation, d.TransmittedVersion, d.PublishedVersion, d.SharedWithOtherParties);

    /// <summary>A document not created yet.</summary>
    public static DocumentFacts New(DocumentKind kind, string party, string partyUnderReview, bool isTranslation) =>
        new(kind, party, partyUnderReview, isTranslation, 0, 0, false);
}
