using ReviewMechanism.Reporting.V1;
using ReviewsV1 = ReviewMechanism.Reviews.V1;

namespace Reporting.Tests.Support;

/// <summary>The figures of the secretariat's slides of 5 October 2023 that a report of the data set must show.</summary>
public static class October2023Figures
{
    /// <summary>Groups of 62, 63 and 64 reviews (so thresholds of 44, 45 and 45 reviews: 70% in whole reviews) and the slides' stages.</summary>
    public static void Assert(ProgressReport report)
    {
        Xunit.Assert.Equal(189, report.TotalReviews);
        Xunit.Assert.Equal(189, report.ParticipatingParties);
        Xunit.Assert.Equal([(1, 62, 9, 17, 2), (2, 63, 7, 11, 0), (3, 64, 9, 5, 0)], report.Groups.Select(g => (g.GroupNumber, g.Reviews,
            Stage(g, ReviewsV1.ReviewStage.SelfAssessmentQuestionnaire), Stage(g, ReviewsV1.ReviewStage.WrittenFeedback), Stage(g, ReviewsV1.ReviewStage.ListOfObservationsAndSummary))));
        Xunit.Assert.Equal((60, 189, "31.7%"), (report.Active.Count, report.Active.Of, report.Active.Display));
        Xunit.Assert.Equal((129, 189, "68.3%"), (report.NotStarted.Count, report.NotStarted.Of, report.NotStarted.Display));
        Xunit.Assert.Equal((129, 50, 79), (report.Inactive.NotStarted, report.Inactive.PreparingConsultation, report.Inactive.MissingFocalPoint));
        Xunit.Assert.Equal((34, "17.9%"), (report.FocalPointGaps.PartiesMissing.Count, report.FocalPointGaps.PartiesMissing.Display));
        Xunit.Assert.Equal((79, "41.7%"), (report.FocalPointGaps.ReviewsBlocked.Count, report.FocalPointGaps.ReviewsBlocked.Display));
        Xunit.Assert.Equal((1299, 439, 729, 131), (report.Nominations.Received.Total, report.Nominations.Received.Female, report.Nominations.Received.Male, report.Nominations.Received.NotInformed));
        Xunit.Assert.Equal((60, 37, 20, 2, 1), (report.Languages.Reviews, report.Languages.OneLanguage.Count, report.Languages.TwoLanguages.Count,
            report.Languages.ThreeLanguages.Count, report.Languages.ToBeConfirmed.Count));
        Xunit.Assert.Equal(60, report.Consultations.Held.Count);
        Xunit.Assert.Equal([(1, 28), (2, 18), (3, 14)], report.Questionnaires.Select(q => (q.GroupNumber, q.InPreparation + q.Submitted)));
        Xunit.Assert.Equal([(1, 17, 2), (2, 11, 0), (3, 5, 0)], report.Feedback.Select(f => (f.GroupNumber, f.InProgress, f.Concluded)));
        Xunit.Assert.Equal([(44, 44), (45, 45), (45, 45)], report.Groups.Select(g => (g.Threshold.ReviewsRequired, g.Threshold.ReviewsStillNeeded)));
    }

    private static int Stage(GroupStatus group, ReviewsV1.ReviewStage stage) => group.Stages.Single(s => s.Stage == stage).Reviews;

}
