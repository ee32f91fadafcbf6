using ReviewMechanism.ServiceDefaults.Authorization;
using Documents.Api.Domain.Documents;

namespace Documents.Api.Domain.Access;

/// <summary>
/// THE access policy of the Documents service: who may read which versions of a document and who may do what to it.
/// Every use case asks here and nowhere else. The rules (REVIEW-PROCESS.md, "Documents and confidentiality"):
/// <list type="bullet">
/// <item>drafts: the authoring party's focal points, experts and observers (for the jointly written list of
/// observations and summary: every party of the review), and the Secretariat;</item>
/// <item>transmitted versions: every party of the review and the Secretariat; para 40: a questionnaire the party made
/// available, also other parties' focal points and experts;</item>
/// <item>published versions (para 41, and the final summary): everyone;</item>
/// <item>edit and submit: the authoring party's experts and focal points (joint documents: every party's; the
/// Secretariat for joint documents and translations); clear and return: the authoring party's focal point; transmit:
/// that focal point (and the Secretariat, which finalizes joint documents); share (para 40) and publish (para 41):
/// the focal point of the party under review, for its own documents; observers never change anything.</item>
/// </list>
/// The state rules (what may happen in which status) are the document's; this class only says who.
/// </summary>
public static class AccessPolicy
{
    public static ReadLevel ReadLevel(AccessContext who, DocumentFacts doc)
    {
        if (who.Caller.IsSecretariat || who.ActsFor(doc.Party) || (doc.Kind.IsJoint() && who.Capacities.Count > 0))
        {
            return Access.ReadLevel.Drafts;
        }
        if (doc.TransmittedVersion > 0 && (who.Capacities.Count > 0 || (doc.SharedWithOtherParties && who.IsOtherPartyFocalPointOrExpert)))
        {
            return Access.ReadLevel.Transmitted;
        }
        return doc.PublishedVersion > 0 ? Access.ReadLevel.Published : Access.ReadLevel.None;
    }

    public static bool Allows(AccessContext who, DocumentFacts doc, DocumentAction action) => action switch
    {
        DocumentAction.Read => ReadLevel(who, doc) > Access.ReadLevel.None,
        DocumentAction.Edit or DocumentAction.Submit =>
            who.WritesFor(doc.Party)
            || (doc.Kind.IsJoint() && who.Capacities.Any(c => c.Writes))
            || (who.Caller.IsSecretariat && (doc.Kind.IsJoint() || doc.IsTranslation)),
        DocumentAction.Clear or DocumentAction.Return => who.IsFocalPointOf(doc.Party),
        DocumentAction.Transmit => who.IsFocalPointOf(doc.Party) || (who.Caller.IsSecretariat && doc.Kind.IsJoint()),
        DocumentAction.Share or DocumentAction.Publish => doc.Party == doc.PartyUnderReview && who.IsFocalPointOf(doc.PartyUnderReview),
        _ => false,
    };

    /// <summary>The actions the caller may take now (who may; whether the state allows it is checked when asked).</summary>
    public static IReadOnlyList<DocumentAction> AllowedActions(AccessContext who, DocumentFacts doc) =>
        Enum.GetValues<DocumentAction>().Where(a => Allows(who, doc, a)).ToList();
}
