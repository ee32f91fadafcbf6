using Reviews.Api.Domain.CountryReviews;

namespace Reviews.Api.Grpc;

/// <summary>
/// The blocker in words (English, the API's language; the domain gives only facts): "Focal point of France missing
/// for 14 days", "Written feedback of Germany and Brazil not yet submitted, 20 days into the stage (due 2021-03-01)."
/// </summary>
public static class BlockerText
{
    public static string Describe(this ReviewBlocker blocker, string countryReviewId, Func<string, string> partyName)
    {
        var names = string.Join(" and ", blocker.Parties.Select(partyName));
        var due = $"due {blocker.On:yyyy-MM-dd}";
        return blocker.Kind switch
        {
            BlockerKind.NotStarted => $"Review {countryReviewId} starts on {blocker.On:yyyy-MM-dd}.",
            BlockerKind.FocalPointMissing => Capitalize(string.Join("; ", blocker.Parties.Select((party, i) =>
                $"focal point of {partyName(party)} missing for {blocker.DaysPerParty[i]} days"))),
            BlockerKind.PreliminaryConsultationPending =>
                $"Preliminary consultation convened by {names} not yet held, {blocker.Days} days after the last focal point was nominated ({due}).",
            BlockerKind.QuestionnairePending => $"Self-assessment questionnaire of {names} not yet submitted, {blocker.Days} days into the stage ({due}).",
            BlockerKind.WrittenFeedbackPending => $"Written feedback of {names} not yet submitted, {blocker.Days} days into the stage ({due}).",
            _ => $"List of observations and summary not yet finalized, {blocker.Days} days into the stage ({due}).",
        };
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
