using ReviewMechanism.Reviews.V1;

namespace Reporting.Tests.EndToEnd.Support;

/// <summary>
/// What to enter so that the reviews the real drawing of lots opened show the slides of 5 October 2023: which 34
/// parties get no focal point (they block exactly 79 reviews, which stay at "nominations pending"), and which of the
/// other reviews go how far (per group 9 / 17 / 2, 7 / 11 / 0, 9 / 5 / 0 at the questionnaire, the written feedback and
/// the list of observations; the rest, 50 in all, stay at the preliminary consultation). The draw decides who reviews
/// whom, so the 34 parties are found by a seeded local search over the drawn reviews.
/// </summary>
public sealed class October2023Plan
{
    public const int MissingParties = 34;
    public const int BlockedReviews = 79;

    // Per group: questionnaire, written feedback, list of observations (the slides).
    private static readonly (int Questionnaire, int Feedback, int Observations)[] Active = [(9, 17, 2), (7, 11, 0), (9, 5, 0)];

    private October2023Plan(HashSet<string> missing, Dictionary<string, ReviewStage> targets)
    {
        Missing = missing;
        Targets = targets;
    }

    /// <summary>The parties that get no focal point.</summary>
    public HashSet<string> Missing { get; }

    /// <summary>Each review's stage to reach (nominations pending for the blocked ones).</summary>
    public Dictionary<string, ReviewStage> Targets { get; }

    public static October2023Plan For(IReadOnlyList<CountryReview> reviews)
    {
        var parties = reviews.SelectMany(Places).Distinct().Order(StringComparer.Ordinal).ToList();
        var touches = parties.ToDictionary(p => p, p => reviews.Select((r, i) => (r, i)).Where(x => Places(x.r).Contains(p)).Select(x => x.i).ToArray());
        var caps = reviews.GroupBy(r => r.GroupNumber).ToDictionary(g => g.Key, g => g.Count() - Sum(Active[g.Key - 1]));
        var missing = Search(reviews, parties, touches, caps);
        var targets = new Dictionary<string, ReviewStage>();
        foreach (var group in reviews.GroupBy(r => r.GroupNumber).OrderBy(g => g.Key))
        {
            var (questionnaire, feedback, observations) = Active[group.Key - 1];
            var free = new Queue<CountryReview>(group.Where(r => !Places(r).Any(missing.Contains)).OrderBy(r => r.Id, StringComparer.Ordinal));
            foreach (var (stage, count) in new[]
            {
                (ReviewStage.ListOfObservationsAndSummary, observations), (ReviewStage.WrittenFeedback, feedback), (ReviewStage.SelfAssessmentQuestionnaire, questionnaire),
            })
            {
                for (var i = 0; i < count; i++)
                {
                    targets[free.Dequeue().Id] = stage;
                }
            }
            while (free.Count > 0)
            {
                targets[free.Dequeue().Id] = ReviewStage.PreliminaryConsultation;
            }
            foreach (var blocked in group.Where(r => Places(r).Any(missing.Contains)))
            {
                targets[blocked.Id] = ReviewStage.NominationsPending;
            }
        }
        return new October2023Plan(missing, targets);
    }

    public static IEnumerable<string> Places(CountryReview review) => review.Participants.Where(p => p.LeftAt is null).Select(p => p.Iso3);

    private static int Sum((int A, int B, int C) t) => t.A + t.B + t.C;

    /// <summary>34 parties whose places touch exactly 79 reviews, leaving each group enough free reviews for its active ones.</summary>
    private static HashSet<string> Search(IReadOnlyList<CountryReview> reviews, List<string> parties, Dictionary<string, int[]> touches, Dictionary<int, int> caps)
    {
        var random = new Random(2023);
        var chosen = parties.OrderBy(_ => random.Next()).Take(MissingParties).ToList();
        var rest = parties.Except(chosen).ToList();
        var cover = new int[reviews.Count];
        foreach (var review in chosen.SelectMany(p => touches[p]))
        {
            cover[review]++;
        }
        int Penalty()
        {
            var blocked = Enumerable.Range(0, reviews.Count).Where(i => cover[i] > 0).ToList();
            var over = blocked.GroupBy(i => reviews[i].GroupNumber).Sum(g => Math.Max(0, g.Count() - caps[g.Key]));
            return Math.Abs(blocked.Count - BlockedReviews) + (2 * over);
        }
        var penalty = Penalty();
        for (var step = 0; step < 200_000 && penalty > 0; step++)
        {
            var (i, j) = (random.Next(chosen.Count), random.Next(rest.Count));
            var (leaving, joining) = (chosen[i], rest[j]);
            Move(cover, touches[leaving], -1);
            Move(cover, touches[joining], +1);
            var next = Penalty();
            if (next <= penalty || random.NextDouble() < 0.02)
            {
                (chosen[i], rest[j], penalty) = (joining, leaving, next);
            }
            else
            {
                Move(cover, touches[joining], -1);
                Move(cover, touches[leaving], +1);
            }
        }
        Assert.True(penalty == 0, "no 34 parties of this draw block exactly 79 reviews");
        return chosen.ToHashSet(StringComparer.Ordinal);
    }

    private static void Move(int[] cover, int[] reviews, int by)
    {
        foreach (var review in reviews)
        {
            cover[review] += by;
        }
    }
}
