using Reporting.Api.Domain.Figures;
using Reporting.Api.Domain.FocalPoints;
using Reporting.Api.Domain.Reviews;
using ReviewMechanism.Reporting.V1;
using static Reporting.Api.Application.Reports.ProtoFigures;

namespace Reporting.Api.Application.Reports;

/// <summary>
/// Computes the progress report from the read models' state on a date. Every figure concerns the current phase of
/// each group (the newest phase among its reviews); earlier phases' reviews are history.
/// </summary>
public sealed class ProgressReportBuilder(PhaseThreshold threshold)
{
    public ProgressReport Build(ReportInputs inputs, SinceInputs? since, bool full, DateTimeOffset computedAt)
    {
        var reviews = CurrentPhase(inputs.Reviews);
        var coverage = new FocalPointCoverage(inputs.FocalPoints);
        var missing = reviews.ToDictionary(r => r.Id, coverage.MissingPlaces);
        var end = ReportWindow.EndOf(inputs.AsOf);
        var report = new ProgressReport
        {
            AsOf = Date(inputs.AsOf),
            ComputedAt = Time(computedAt),
            Full = full,
            ParticipatingParties = reviews.SelectMany(r => r.Places).Select(p => p.Party).Distinct().Count(),
            TotalReviews = reviews.Count,
            Completed = reviews.Count(r => r.Stage == Stage.Completed),
            LastEventAt = Time(inputs.LastEventAt),
        };
        report.Groups.AddRange(reviews.GroupBy(r => r.Group).OrderBy(g => g.Key).Select(Group));
        var active = ShareFigure.From(reviews.Count(r => r.Stage.IsActive()), reviews.Count);
        report.Active = Share(active);
        var notStartedCount = reviews.Count(r => r.Stage.IsNotStarted());
        report.NotStarted = Share(notStartedCount + active.Count == reviews.Count ? ShareFigure.ComplementOf(active) : ShareFigure.From(notStartedCount, reviews.Count));
        report.Inactive = new InactiveCauses
        {
            NotStarted = notStartedCount,
            PreparingConsultation = reviews.Count(r => r.Stage == Stage.PreliminaryConsultation),
            MissingFocalPoint = reviews.Count(r => r.Stage == Stage.NominationsPending),
        };
        report.FocalPointGaps = Gaps(reviews, missing, inputs, end, report.ParticipatingParties, full);
        report.Consultations = Consultations(reviews);
        report.Languages = Languages(reviews);
        foreach (var group in reviews.GroupBy(r => r.Group).OrderBy(g => g.Key))
        {
            report.Questionnaires.Add(new QuestionnaireProgress
            {
                GroupNumber = group.Key,
                Reviews = group.Count(),
                NotStarted = group.Count(r => r.Stage < Stage.SelfAssessmentQuestionnaire),
                InPreparation = group.Count(r => r.Stage == Stage.SelfAssessmentQuestionnaire),
                Submitted = group.Count(r => r.Stage > Stage.SelfAssessmentQuestionnaire),
            });
            report.Feedback.Add(new FeedbackProgress
            {
                GroupNumber = group.Key,
                Reviews = group.Count(),
                NotReached = group.Count(r => r.Stage < Stage.WrittenFeedback),
                InProgress = group.Count(r => r.Stage == Stage.WrittenFeedback),
                Concluded = group.Count(r => r.Stage > Stage.WrittenFeedback),
                FeedbackTransmitted = group.Sum(r => inputs.FeedbackTransmitted.GetValueOrDefault(r.Id)),
            });
        }
        report.Nominations = Nominations(inputs.Nominations, report.ParticipatingParties);
        report.Dialogues = Dialogues(inputs.Dialogues);
        report.Trainings = Trainings(inputs);
        report.Briefings = Briefings(inputs.Briefings);
        report.TechnicalAssistance = TechnicalAssistance(inputs);
        if (since is not null)
        {
            report.Since = Since(since, reviews);
        }
        if (full)
        {
            report.Reviews.AddRange(reviews.Select(r => Line(r, missing[r.Id])));
        }
        return report;
    }

    /// <summary>The reviews of each group's newest phase.</summary>
    public static List<ReviewState> CurrentPhase(IEnumerable<ReviewState> reviews)
    {
        var all = reviews.ToList();
        var phases = all.GroupBy(r => r.Group).ToDictionary(g => g.Key, g => g.Max(r => r.Phase));
        return [.. all.Where(r => r.Phase == phases[r.Group]).OrderBy(r => r.Group).ThenBy(r => r.PartyUnderReview, StringComparer.Ordinal)];
    }

    private GroupStatus Group(IGrouping<int, ReviewState> group)
    {
        var status = new GroupStatus
        {
            GroupNumber = group.Key,
            StartDate = Date(group.Min(r => r.StartDate)),
            Phase = group.First().Phase,
            Cluster = group.First().Cluster,
            Reviews = group.Count(),
            Active = group.Count(r => r.Stage.IsActive()),
            NotStarted = group.Count(r => r.Stage.IsNotStarted()),
        };
        status.Stages.AddRange(Stages.All.Select(s => new StageCount { Stage = ProtoStage(s), Reviews = group.Count(r => r.Stage == s) }));
        var foreseen = group.Count();
        var completed = group.Count(r => r.Stage == Stage.Completed);
        var required = threshold.ReviewsRequired(foreseen);
        status.Threshold = new ThresholdProgress
        {
            ReviewsForeseen = foreseen,
            Completed = completed,
            CompletedShare = Share(completed, foreseen),
            Threshold = threshold.CompletionThreshold,
            ReviewsRequired = required,
            ReviewsStillNeeded = Math.Max(0, required - completed),
            Met = foreseen > 0 && completed >= required,
        };
        return status;
    }

    private static FocalPointGaps Gaps(
        List<ReviewState> reviews, Dictionary<string, IReadOnlyList<ReviewPlace>> missing, ReportInputs inputs, DateTimeOffset end, int participating, bool full)
    {
        var blocked = reviews.Where(r => missing[r.Id].Count > 0).ToList();
        var byParty = reviews
            .SelectMany(r => missing[r.Id].Select(p => (Review: r, Place: p)))
            .GroupBy(x => x.Place.Party)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var gaps = new FocalPointGaps
        {
            PartiesMissing = Share(byParty.Count, participating),
            ReviewsBlocked = Share(blocked.Count, reviews.Count),
        };
        gaps.ByGroup.AddRange(reviews.GroupBy(r => r.Group).OrderBy(g => g.Key).Select(g => new GroupFocalPointGaps
        {
            GroupNumber = g.Key,
            Reviews = g.Count(),
            ReviewsBlocked = g.Count(r => missing[r.Id].Count > 0),
            BlockedByPartyUnderReview = g.Count(r => missing[r.Id].Any(p => p.IsPartyUnderReview)),
            BlockedByReviewersOnly = g.Count(r => missing[r.Id].Count > 0 && missing[r.Id].All(p => !p.IsPartyUnderReview)),
        }));
        if (full)
        {
            gaps.Parties.AddRange(byParty.Select(g =>
            {
                var since = g.Min(x => Max(x.Review.OpenedAt, inputs.LastFocalPointEnd.GetValueOrDefault(g.Key)));
                var line = new PartyMissingFocalPoint
                {
                    Party = g.Key,
                    OwnReview = g.Any(x => x.Place.IsPartyUnderReview),
                    DaysMissing = Math.Max(0, (int)(end - since).TotalDays),
                };
                line.CountryReviewIds.AddRange(g.Select(x => x.Review.Id).Distinct());
                return line;
            }));
        }
        return gaps;
    }

    private static ConsultationStatus Consultations(List<ReviewState> reviews)
    {
        var status = new ConsultationStatus { Held = Share(reviews.Count(Held), reviews.Count) };
        status.ByGroup.AddRange(reviews.GroupBy(r => r.Group).OrderBy(g => g.Key).Select(g => new GroupConsultations
        {
            GroupNumber = g.Key,
            Reviews = g.Count(),
            Held = g.Count(Held),
            NotHeld = g.Count(r => !Held(r)),
        }));
        return status;

        static bool Held(ReviewState r) => r.Stage >= Stage.SelfAssessmentQuestionnaire;
    }

    private static LanguageStatus Languages(List<ReviewState> reviews)
    {
        var active = reviews.Where(r => r.Stage.IsActive()).ToList();
        var status = new LanguageStatus
        {
            Reviews = active.Count,
            OneLanguage = Share(active.Count(r => r.Languages.Count == 1), active.Count),
            TwoLanguages = Share(active.Count(r => r.Languages.Count == 2), active.Count),
            ThreeLanguages = Share(active.Count(r => r.Languages.Count >= 3), active.Count),
            ToBeConfirmed = Share(active.Count(r => r.Languages.Count == 0), active.Count),
        };
        status.Combinations.AddRange(active
            .Select(r => LanguageNames.Sorted(r.Languages))
            .GroupBy(codes => string.Join("+", codes))
            .Select(g => (Codes: g.First(), Count: g.Count()))
            .OrderBy(c => c.Codes.Count == 0 ? int.MaxValue : c.Codes.Count).ThenByDescending(c => c.Count).ThenBy(c => LanguageNames.Label(c.Codes), StringComparer.Ordinal)
            .Select(c =>
            {
                var combination = new LanguageCombination { Label = LanguageNames.Label(c.Codes), Reviews = c.Count };
                combination.Languages.AddRange(c.Codes.Select(Language));
                return combination;
            }));
        status.ByLanguage.AddRange(LanguageNames.Codes.Select(code => new LanguageUse { Language = Language(code), Reviews = active.Count(r => r.Languages.Contains(code)) }));
        return status;
    }

    private static NominationFigures Nominations(NominationInputs inputs, int participating)
    {
        int Count(string? role, string gender, bool active) => inputs.ByRoleAndGender
            .Where(r => (role is null ? r.Role is "FOCAL_POINT" or "GOVERNMENTAL_EXPERT" : r.Role == role) && r.Gender == gender)
            .Sum(r => active ? r.Active : r.Received);
        RoleGenderCounts ByRole(string role, bool active) => new()
        {
            Role = role,
            Counts = Genders(Count(role, "female", active), Count(role, "male", active), Count(role, "not_informed", active)),
        };
        string[] roles = ["FOCAL_POINT", "GOVERNMENTAL_EXPERT", "OBSERVER"];
        var figures = new NominationFigures
        {
            Received = Genders(Count(null, "female", false), Count(null, "male", false), Count(null, "not_informed", false)),
            PartiesWithFocalPoint = Share(inputs.PartiesWithFocalPoint, participating),
            PartiesWithSeveralFocalPoints = Share(inputs.PartiesWithSeveralFocalPoints, inputs.PartiesWithFocalPoint),
            PartiesThatChangedFocalPoint = Share(inputs.PartiesThatChangedFocalPoint, inputs.PartiesThatEverHadFocalPoint),
            FocalPointSubstitutions = inputs.FocalPointSubstitutions,
            PartiesWithObservers = inputs.PartiesWithObservers,
            Observers = inputs.Observers,
        };
        figures.ReceivedByRole.AddRange(roles.Select(r => ByRole(r, false)));
        figures.ActiveByRole.AddRange(roles.Select(r => ByRole(r, true)));
        return figures;
    }

    private static DialogueFigures Dialogues(IReadOnlyList<DialogueCategoryRow> rows)
    {
        var figures = new DialogueFigures
        {
            Dialogues = rows.Select(r => r.DialogueId).Distinct().Count(),
            Applications = rows.Sum(r => r.Applications),
            Approved = rows.Sum(r => r.Approved),
            Attended = rows.Sum(r => r.Attended),
        };
        figures.ByCategory.AddRange(rows.GroupBy(r => r.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Category(g.Key, g)));
        figures.ByDialogue.AddRange(rows.GroupBy(r => r.DialogueId).Select(g =>
        {
            var first = g.First();
            var dialogue = new DialogueParticipation { DialogueId = g.Key, Topic = first.Topic, Session = first.Session, HeldOn = first.HeldOn is { } d ? Date(d) : null };
            dialogue.ByCategory.AddRange(g.OrderBy(r => r.Category, StringComparer.Ordinal).Select(r => Category(r.Category, [r])));
            return dialogue;
        }));
        return figures;

        static CategoryParticipation Category(string category, IEnumerable<DialogueCategoryRow> rows) => new()
        {
            Category = category,
            Applications = rows.Sum(r => r.Applications),
            Approved = rows.Sum(r => r.Approved),
            Attended = rows.Sum(r => r.Attended),
            Organizations = rows.Sum(r => r.Organizations),
        };
    }

    private static TrainingFigures Trainings(ReportInputs inputs)
    {
        var figures = new TrainingFigures
        {
            Registrations = inputs.TrainingTotals.Registrations,
            Completions = inputs.TrainingTotals.Completions,
            Countries = inputs.TrainingTotals.Countries,
            Organizations = inputs.TrainingTotals.Organizations,
        };
        figures.ByCourse.AddRange(inputs.Trainings.Select(t => new TrainingCourse { Course = t.Course, Kind = t.Kind, Registrations = t.Registrations, Completions = t.Completions }));
        return figures;
    }

    private static BriefingFigures Briefings(BriefingTotals totals)
    {
        var figures = new BriefingFigures { Briefings = totals.Briefings, Officials = totals.Officials, Countries = totals.Countries };
        figures.ByLanguage.AddRange(totals.ByLanguage.Select(l => new LanguageUse { Language = Language(l.Language), Reviews = l.Briefings }));
        return figures;
    }

    private static TechnicalAssistanceFigures TechnicalAssistance(ReportInputs inputs)
    {
        var figures = new TechnicalAssistanceFigures
        {
            SurveyResponses = inputs.SurveyResponses,
            ObservationNeeds = inputs.ObservationNeeds,
            ListsOfObservationsFinalized = inputs.ListsOfObservations,
        };
        figures.SurveyNeeds.AddRange(inputs.SurveyNeeds.Select(n => new NeedCount { Need = n.Need, Parties = n.Parties }));
        return figures;
    }

    private static ProgressSince Since(SinceInputs since, List<ReviewState> now)
    {
        var activeThen = CurrentPhase(since.ReviewsThen).Where(r => r.Stage.IsActive() || r.Stage == Stage.Completed).Select(r => r.Id).ToHashSet();
        return new ProgressSince
        {
            Since = Date(since.Since),
            ReviewsActivated = now.Count(r => (r.Stage.IsActive() || r.Stage == Stage.Completed) && !activeThen.Contains(r.Id)),
            FocalPointsNominated = since.FocalPointsNominated,
            ExpertsNominated = since.ExpertsNominated,
            FocalPointSubstitutions = since.Substitutions,
        };
    }

    private static ReviewLine Line(ReviewState review, IReadOnlyList<ReviewPlace> missing)
    {
        var line = new ReviewLine
        {
            CountryReviewId = review.Id,
            PartyUnderReview = review.PartyUnderReview,
            GroupNumber = review.Group,
            Phase = review.Phase,
            Stage = ProtoStage(review.Stage),
            StageEnteredAt = Time(review.StageEnteredAt),
        };
        line.Languages.AddRange(LanguageNames.Sorted(review.Languages).Select(Language));
        line.MissingFocalPoints.AddRange(missing.Select(p => p.Party).Distinct());
        return line;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
