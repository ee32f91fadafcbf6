using Documents.Api.Domain.Access;
using Documents.Api.Domain.Documents;
using Documents.Api.Domain.Reviews;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Documents.Tests.Domain;

/// <summary>
/// The access policy as a table: every role x own party / other party of the review / party outside it x every
/// action, for documents in each state. Review AUT-C1: AUT under review, reviewed by DEU and BRA; FRA is outside.
/// Letters: R read, E edit, S submit, C clear, X return, T transmit, H share (para 40), P publish (para 41).
/// </summary>
public class AccessPolicyTableTests
{
    private static readonly ReviewRecord Review = new("AUT-C1", "AUT", ["DEU", "BRA"], 1, 1, 1, DateTimeOffset.UnixEpoch);

    public static TheoryData<string, string, string> Table => new()
    {
        // --- The questionnaire of AUT, a draft ---
        { "saq-draft", "Secretariat", "R" },
        { "saq-draft", "FocalPoint AUT", "RESCXTHP" },
        { "saq-draft", "Expert AUT", "RES" },
        { "saq-draft", "Observer AUT", "R" },
        { "saq-draft", "FocalPoint DEU", "" },
        { "saq-draft", "Expert DEU", "" },
        { "saq-draft", "Observer DEU", "" },
        { "saq-draft", "FocalPoint FRA", "" },
        { "saq-draft", "Expert FRA", "" },
        { "saq-draft", "Anonymous", "" },
        { "saq-draft", "Ngo", "" },
        // --- Transmitted: the other parties of the review read it ---
        { "saq-transmitted", "Secretariat", "R" },
        { "saq-transmitted", "FocalPoint AUT", "RESCXTHP" },
        { "saq-transmitted", "Expert AUT", "RES" },
        { "saq-transmitted", "Observer AUT", "R" },
        { "saq-transmitted", "FocalPoint DEU", "R" },
        { "saq-transmitted", "Expert DEU", "R" },
        { "saq-transmitted", "Observer DEU", "R" },
        { "saq-transmitted", "Expert BRA", "R" },
        { "saq-transmitted", "FocalPoint FRA", "" },
        { "saq-transmitted", "Expert FRA", "" },
        { "saq-transmitted", "Observer FRA", "" },
        { "saq-transmitted", "Anonymous", "" },
        // --- Para 40: made available to other parties' focal points and experts (not their observers) ---
        { "saq-shared", "FocalPoint FRA", "R" },
        { "saq-shared", "Expert FRA", "R" },
        { "saq-shared", "Observer FRA", "" },
        { "saq-shared", "Anonymous", "" },
        { "saq-shared", "Ngo", "" },
        // --- Para 41: published ---
        { "saq-published", "Anonymous", "R" },
        { "saq-published", "Ngo", "R" },
        { "saq-published", "Observer FRA", "R" },
        { "saq-published", "Expert DEU", "R" },
        // --- DEU's written feedback, a draft: DEU's alone (and the Secretariat's) ---
        { "feedback-draft", "Secretariat", "R" },
        { "feedback-draft", "FocalPoint DEU", "RESCXT" },
        { "feedback-draft", "Expert DEU", "RES" },
        { "feedback-draft", "Observer DEU", "R" },
        { "feedback-draft", "FocalPoint AUT", "" },
        { "feedback-draft", "Expert AUT", "" },
        { "feedback-draft", "FocalPoint BRA", "" },
        { "feedback-draft", "Expert FRA", "" },
        // --- Transmitted feedback ---
        { "feedback-transmitted", "FocalPoint AUT", "R" },
        { "feedback-transmitted", "Expert AUT", "R" },
        { "feedback-transmitted", "Expert BRA", "R" },
        { "feedback-transmitted", "FocalPoint DEU", "RESCXT" },
        { "feedback-transmitted", "Expert FRA", "" },
        // --- The list of observations, written jointly ---
        { "observations-draft", "Secretariat", "REST" },
        { "observations-draft", "FocalPoint AUT", "RESCXTHP" },
        { "observations-draft", "Expert AUT", "RES" },
        { "observations-draft", "Observer AUT", "R" },
        { "observations-draft", "FocalPoint DEU", "RES" },
        { "observations-draft", "Expert BRA", "RES" },
        { "observations-draft", "Observer DEU", "R" },
        { "observations-draft", "FocalPoint FRA", "" },
        { "observations-draft", "Anonymous", "" },
        // --- A translation of the questionnaire: the Secretariat may write it ---
        { "saq-translation-draft", "Secretariat", "RES" },
        { "saq-translation-draft", "FocalPoint AUT", "RESCXTHP" },
        { "saq-translation-draft", "Expert DEU", "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void EveryRoleGetsExactlyTheActionsOfTheTable(string document, string caller, string allowed)
    {
        var who = Context(caller);
        var facts = Document(document);

        var actual = string.Concat(AccessPolicy.AllowedActions(who, facts).Select(Letter));

        Assert.Equal(Sorted(allowed), Sorted(actual));
    }

    [Fact]
    public void AnExpertNominatedOnlyForItsOwnReviewDoesNotActAsAReviewer()
    {
        var expert = new Caller("e-deu", "", Roles(MechanismRoles.GovernmentalExpert), Parties("DEU"));
        var nomination = new NominationRecord("n1", "e-deu", "DEU", PersonRole.GovernmentalExpert, NominationScopeKind.OwnReview, "", DateTimeOffset.UnixEpoch);

        var who = AccessContext.For(expert, Review, [nomination]);

        Assert.Empty(who.Capacities);
        Assert.Equal(ReadLevel.None, AccessPolicy.ReadLevel(who, Document("feedback-draft")));
    }

    [Fact]
    public void ANominationForOneReviewCoversThatReviewOnly()
    {
        var expert = new Caller("e-deu", "", Roles(MechanismRoles.GovernmentalExpert), Parties("DEU"));
        var forThis = new NominationRecord("n1", "e-deu", "DEU", PersonRole.GovernmentalExpert, NominationScopeKind.SpecificReview, "AUT-C1", DateTimeOffset.UnixEpoch);
        var forAnother = new NominationRecord("n2", "e-deu", "DEU", PersonRole.GovernmentalExpert, NominationScopeKind.SpecificReview, "NGA-C1", DateTimeOffset.UnixEpoch);

        Assert.Single(AccessContext.For(expert, Review, [forThis]).Capacities);
        Assert.Empty(AccessContext.For(expert, Review, [forAnother]).Capacities);
    }

    [Fact]
    public void ARoleInTheTokenWithoutANominationGivesNothingAndNeitherDoesANominationWithoutTheRole()
    {
        var focalPointToken = new Caller("fp-aut", "", Roles(MechanismRoles.FocalPoint), Parties("AUT"));
        var expertNomination = new NominationRecord("n1", "fp-aut", "AUT", PersonRole.GovernmentalExpert, NominationScopeKind.OwnReview, "", DateTimeOffset.UnixEpoch);
        var ended = new NominationRecord("n2", "fp-aut", "AUT", PersonRole.FocalPoint, NominationScopeKind.OwnReview, "", DateTimeOffset.UnixEpoch);
        ended.End(DateTimeOffset.UnixEpoch.AddDays(1));

        Assert.Empty(AccessContext.For(focalPointToken, Review, []).Capacities);
        Assert.Empty(AccessContext.For(focalPointToken, Review, [expertNomination]).Capacities);
        Assert.Empty(AccessContext.For(focalPointToken, Review, [ended]).Capacities);
    }

    /// <summary>The caller and the nominations its account has (own review for the party under review, as reviewer otherwise).</summary>
    internal static AccessContext Context(string caller)
    {
        if (caller == "Anonymous")
        {
            return AccessContext.For(Caller.Anonymous, Review, []);
        }
        if (caller == "Ngo")
        {
            return AccessContext.For(new Caller("ngo-1", "", Roles(MechanismRoles.NgoRepresentative), Parties()), Review, []);
        }
        if (caller == "Secretariat")
        {
            return AccessContext.For(new Caller("sec-1", "", Roles(MechanismRoles.Secretariat), Parties()), Review, []);
        }
        var parts = caller.Split(' ');
        var (role, tokenRole) = parts[0] switch
        {
            "FocalPoint" => (PersonRole.FocalPoint, MechanismRoles.FocalPoint),
            "Expert" => (PersonRole.GovernmentalExpert, MechanismRoles.GovernmentalExpert),
            _ => (PersonRole.Observer, MechanismRoles.Observer),
        };
        var party = parts[1];
        var scope = party == "AUT" || !Review.Includes(party) ? NominationScopeKind.OwnReview : NominationScopeKind.AsReviewer;
        var person = $"{parts[0]}-{party}".ToLowerInvariant();
        var nomination = new NominationRecord($"n-{person}", person, party, role, scope, "", DateTimeOffset.UnixEpoch);
        return AccessContext.For(new Caller(person, "", Roles(tokenRole), Parties(party)), Review, [nomination]);
    }

    internal static DocumentFacts Document(string name) => name switch
    {
        "saq-draft" => new DocumentFacts(DocumentKind.SelfAssessmentQuestionnaire, "AUT", "AUT", false, 0, 0, false),
        "saq-transmitted" => new DocumentFacts(DocumentKind.SelfAssessmentQuestionnaire, "AUT", "AUT", false, 2, 0, false),
        "saq-shared" => new DocumentFacts(DocumentKind.SelfAssessmentQuestionnaire, "AUT", "AUT", false, 2, 0, true),
        "saq-published" => new DocumentFacts(DocumentKind.SelfAssessmentQuestionnaire, "AUT", "AUT", false, 2, 2, false),
        "feedback-draft" => new DocumentFacts(DocumentKind.WrittenFeedback, "DEU", "AUT", false, 0, 0, false),
        "feedback-transmitted" => new DocumentFacts(DocumentKind.WrittenFeedback, "DEU", "AUT", false, 1, 0, false),
        "observations-draft" => new DocumentFacts(DocumentKind.ListOfObservations, "AUT", "AUT", false, 0, 0, false),
        "saq-translation-draft" => new DocumentFacts(DocumentKind.SelfAssessmentQuestionnaire, "AUT", "AUT", true, 0, 0, false),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static char Letter(DocumentAction action) => action switch
    {
        DocumentAction.Read => 'R',
        DocumentAction.Edit => 'E',
        DocumentAction.Submit => 'S',
        DocumentAction.Clear => 'C',
        DocumentAction.Return => 'X',
        DocumentAction.Transmit => 'T',
        DocumentAction.Share => 'H',
        _ => 'P',
    };

    private static string Sorted(string letters) => string.Concat(letters.Order());

    private static HashSet<string> Roles(params string[] roles) => [.. roles];

    private static HashSet<string> Parties(params string[] parties) => [.. parties];
}
