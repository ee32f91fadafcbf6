using Reporting.Api.Data.Projections;
using Reporting.Api.Domain.FocalPoints;
using Reporting.Api.Domain.Reviews;

namespace Reporting.Tests.Support;

/// <summary>
/// A data set with the figures of the secretariat's slides of 5 October 2023, as facts: 189 reviews in three groups
/// (62, 63, 64); group 1 with 9 at the questionnaire, 17 at written feedback, 2 at the list of observations; group 2
/// with 7 and 11; group 3 with 9 and 5 (60 active); 50 preparing the consultation; 79 blocked because 34 parties
/// have no focal point; 1,299 nominations of focal points and experts (439 female, 729 male, 131 not informed);
/// among the active reviews 37 in one language, 20 in two, 2 in three, 1 to be confirmed.
/// Parties are named P001..P189; review i's party under review is P(i+1).
/// </summary>
public sealed class October2023
{
    public static readonly DateTimeOffset Opened = new(2023, 1, 10, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly ReportDate = new(2023, 10, 5);

    // Per group: (reviews, nominations pending, consultation, questionnaire, written feedback, list of observations).
    private static readonly (int Reviews, int Pending, int Consultation, int Questionnaire, int Feedback, int Observations)[] Groups =
    [
        (62, 14, 20, 9, 17, 2),
        (63, 30, 15, 7, 11, 0),
        (64, 35, 15, 9, 5, 0),
    ];

    public const int MissingParties = 34;

    public List<OpenedReview> Reviews { get; } = [];

    public List<StageChange> StageChanges { get; } = [];

    public List<AgreedLanguages> Languages { get; } = [];

    public List<ReceivedNomination> Nominations { get; } = [];

    public October2023()
    {
        var slots = new List<(int Group, Stage Stage)>();
        for (var g = 0; g < Groups.Length; g++)
        {
            var (_, pending, consultation, questionnaire, feedback, observations) = Groups[g];
            slots.AddRange(Enumerable.Repeat((g + 1, Stage.NominationsPending), pending));
            slots.AddRange(Enumerable.Repeat((g + 1, Stage.PreliminaryConsultation), consultation));
            slots.AddRange(Enumerable.Repeat((g + 1, Stage.SelfAssessmentQuestionnaire), questionnaire));
            slots.AddRange(Enumerable.Repeat((g + 1, Stage.WrittenFeedback), feedback));
            slots.AddRange(Enumerable.Repeat((g + 1, Stage.ListOfObservationsAndSummary), observations));
        }
        // Pending reviews first (they take the parties without a focal point), then the others.
        var ordered = slots.Where(s => s.Stage == Stage.NominationsPending).Concat(slots.Where(s => s.Stage != Stage.NominationsPending)).ToList();
        var pendingCount = ordered.Count(s => s.Stage == Stage.NominationsPending);
        var covered = Enumerable.Range(MissingParties, 189 - MissingParties).Select(Party).ToList();
        var languageChoices = LanguageChoices();
        var nextLanguages = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var (group, stage) = ordered[i];
            var id = $"CR-1-{Party(i)}";
            // Reviews 0..33: the party under review has no focal point. Reviews 34..78: one reviewer has none.
            var first = i >= MissingParties && i < pendingCount ? Party((i - MissingParties) % MissingParties) : Pick(covered, i * 7, Party(i));
            var second = Pick(covered, i * 13 + 5, Party(i), first);
            Reviews.Add(new OpenedReview(id, Party(i), group, 1, 1, new DateOnly(2019 + group, group == 1 ? 12 : 11, 1), Opened.AddMinutes(i),
                [(Party(i), PlaceRole.PartyUnderReview), (first, PlaceRole.SameRegionReviewer), (second, PlaceRole.OtherRegionReviewer)]));
            var at = Opened.AddDays(30).AddMinutes(i);
            for (var s = Stage.PreliminaryConsultation; s <= stage; s++)
            {
                StageChanges.Add(new StageChange(id, at, (int)s - 1, (int)s));
                at = at.AddDays(20);
            }
            if (stage.IsActive() && languageChoices[nextLanguages++] is { Length: > 0 } languages)
            {
                Languages.Add(new AgreedLanguages(id, languages, languages.Length == 3, Opened.AddDays(50).AddMinutes(i)));
            }
        }
        AddNominations();
    }

    public static string Party(int index) => $"P{index + 1:000}";

    private static string Pick(List<string> candidates, int start, params string[] exclude)
    {
        var k = start % candidates.Count;
        while (exclude.Contains(candidates[k]))
        {
            k = (k + 1) % candidates.Count;
        }
        return candidates[k];
    }

    /// <summary>37 reviews in one language, 20 in two, 2 in three (exceptional), 1 still to be confirmed (first, so it is skipped early).</summary>
    public static List<string[]> LanguageChoices()
    {
        var choices = new List<string[]> { Array.Empty<string>() };
        choices.AddRange(Enumerable.Repeat(new[] { "en" }, 30));
        choices.AddRange(Enumerable.Repeat(new[] { "fr" }, 3));
        choices.AddRange(Enumerable.Repeat(new[] { "es" }, 3));
        choices.Add(["ar"]);
        choices.AddRange(Enumerable.Repeat(new[] { "en", "fr" }, 8));
        choices.AddRange(Enumerable.Repeat(new[] { "en", "es" }, 6));
        choices.AddRange(Enumerable.Repeat(new[] { "ar", "en" }, 5));
        choices.Add(["en", "ru"]);
        choices.Add(["ar", "en", "fr"]);
        choices.Add(["en", "fr", "es"]);
        return choices;
    }

    /// <summary>Focal points (own review and as reviewer) for the 155 covered parties, then experts up to 1,299 nominations.</summary>
    private void AddNominations()
    {
        var genders = Enumerable.Repeat("female", 439).Concat(Enumerable.Repeat("male", 729)).Concat(Enumerable.Repeat("not_informed", 131)).ToList();
        var n = 0;
        var effective = Opened.AddDays(5);
        for (var p = MissingParties; p < 189; p++)
        {
            foreach (var scope in new[] { ScopeKind.OwnReview, ScopeKind.AsReviewer })
            {
                Nominations.Add(new ReceivedNomination($"N{n:0000}", Party(p), "FOCAL_POINT", (int)scope, null, $"person-{p}", genders[n], effective.AddMinutes(n)));
                n++;
            }
        }
        for (var p = 0; n < 1299; p = (p + 1) % 189)
        {
            Nominations.Add(new ReceivedNomination($"N{n:0000}", Party(p), "GOVERNMENTAL_EXPERT", (int)ScopeKind.OwnReview, null, $"expert-{n}", genders[n], effective.AddMinutes(n)));
            n++;
        }
    }
}
