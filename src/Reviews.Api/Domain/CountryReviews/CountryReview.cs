using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Parties;

namespace Reviews.Api.Domain.CountryReviews;

/// <summary>
/// One country review (a party under review, its reviewers, one thematic cluster) as an explicit state machine:
/// NominationsPending -> PreliminaryConsultation -> SelfAssessmentQuestionnaire -> WrittenFeedback ->
/// ListOfObservationsAndSummary -> Completed. Each move has one trigger; an operation meant for a later stage
/// is refused with the reason, and nothing changes.
/// </summary>
public sealed class CountryReview
{
    private readonly List<ReviewDomainEvent> _events = [];

    private CountryReview()
    {
        Id = PartyUnderReview = "";
        Participants = [];
        Deadlines = [];
        History = [];
        Languages = [];
        PartyCodes = [];
    }

    /// <summary><c>{party under review}-C{cluster}</c>, e.g. <c>DEU-C1</c>: a party is reviewed once per cluster.</summary>
    public string Id { get; private set; }

    public string PartyUnderReview { get; private set; }

    public int GroupNumber { get; private set; }

    public int Phase { get; private set; }

    public int Cluster { get; private set; }

    public DateOnly StartDate { get; private set; }

    public ReviewStage Stage { get; private set; }

    public DateTimeOffset StageEnteredAt { get; private set; }

    public List<ReviewParticipant> Participants { get; private set; }

    /// <summary>Every party that is or was on the review (for queries by party).</summary>
    public List<string> PartyCodes { get; private set; }

    public List<ReviewDeadline> Deadlines { get; private set; }

    public List<StageTransition> History { get; private set; }

    public List<UnLanguage> Languages { get; private set; }

    public bool LanguagesExceptional { get; private set; }

    public PreliminaryConsultationRecord? PreliminaryConsultation { get; private set; }

    public DateTimeOffset? QuestionnaireSubmittedAt { get; private set; }

    public DateTimeOffset? ObservationsFinalizedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Optimistic concurrency token (incremented on every change by the data layer).</summary>
    public uint Version { get; private set; }

    /// <summary>Changes to publish; cleared by the data layer once stored with the outbox.</summary>
    public IReadOnlyList<ReviewDomainEvent> DomainEvents => _events;

    public IEnumerable<ReviewParticipant> ActiveParticipants => Participants.Where(p => p.IsActive);

    public IEnumerable<ReviewParticipant> ActiveReviewers => ActiveParticipants.Where(p => p.IsReviewer);

    public static string IdFor(string partyUnderReview, int cluster) => $"{partyUnderReview}-C{cluster}";

    /// <summary>
    /// Opens a review from a pairing. Focal points already known for the parties (nominated before the review
    /// existed) are applied at once; when all are present the review moves to the preliminary consultation.
    /// </summary>
    public static CountryReview Create(
        int groupNumber,
        int phase,
        int cluster,
        DateOnly startDate,
        CountryPairing pairing,
        Func<string, ReviewRole, FocalPointContact?> knownFocalPoint,
        ReviewTimelineOptions timeline,
        DateTimeOffset now,
        string by)
    {
        var review = new CountryReview
        {
            Id = IdFor(pairing.PartyUnderReview, cluster),
            PartyUnderReview = pairing.PartyUnderReview,
            GroupNumber = groupNumber,
            Phase = phase,
            Cluster = cluster,
            StartDate = startDate,
            Stage = ReviewStage.NominationsPending,
            StageEnteredAt = now,
            CreatedAt = now,
        };
        review.Join(pairing.PartyUnderReview, ReviewRole.PartyUnderReview, InstrumentSet.Empty, null, now);
        review.JoinReviewers(pairing, now);
        foreach (var kind in DeadlineKinds.All)
        {
            review.Deadlines.Add(new ReviewDeadline(kind, DateOnly.MinValue));
        }
        review.Reschedule(timeline);
        foreach (var participant in review.Participants)
        {
            if (knownFocalPoint(participant.Iso3, participant.Role) is { } contact)
            {
                participant.SetFocalPoint(contact);
            }
        }
        review._events.Add(new ReviewCreated(review.Id, now));
        review.AdvanceIfAllFocalPoints(now, "focal points already nominated", by);
        return review;
    }

    public ReviewParticipant? ParticipantOf(string iso3) => ActiveParticipants.FirstOrDefault(p => p.Iso3 == iso3);

    public ReviewDeadline Deadline(DeadlineKind kind) => Deadlines.Single(d => d.Kind == kind);

    public bool HasStarted(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) >= StartDate;

    // ----- Nominations (events of the Nominations service) -----

    /// <summary>A focal point of <paramref name="iso3"/> for this review (nominated or replacing another).</summary>
    public void RecordFocalPoint(string iso3, FocalPointContact contact, DateTimeOffset now, string by)
    {
        var participant = RequireParticipant(iso3, "focal point");
        if (participant.FocalPoint?.NominationId == contact.NominationId)
        {
            return;
        }
        participant.SetFocalPoint(contact);
        if (ActiveParticipants.All(p => p.FocalPoint is not null))
        {
            Deadline(DeadlineKind.FocalPointNomination).Meet(now);
        }
        AdvanceIfAllFocalPoints(now, $"focal point of {iso3} nominated", by);
    }

    /// <summary>The focal point left without a successor: the review is blocked again until a new one comes.</summary>
    public void RemoveFocalPoint(string iso3, string nominationId, DateTimeOffset effectiveFrom)
    {
        var participant = RequireParticipant(iso3, "focal point");
        if (participant.FocalPoint?.NominationId == nominationId)
        {
            participant.RemoveFocalPoint(effectiveFrom);
        }
    }

    public void RecordExpert(string iso3, string nominationId, DateTimeOffset now)
    {
        var participant = RequireParticipant(iso3, "governmental expert");
        participant.AddExpert(nominationId);
        if (ActiveParticipants.All(p => p.ExpertNominationIds.Count > 0))
        {
            Deadline(DeadlineKind.ExpertNomination).Meet(now);
        }
    }

    public void RemoveExpert(string iso3, string nominationId) => ParticipantOf(iso3)?.RemoveExpert(nominationId);

    // ----- Commands and events moving the stages -----

    /// <summary>
    /// Command: the focal points held the preliminary consultation (moves to the questionnaire). The working languages
    /// agreed there, or none when they are still to be confirmed.
    /// </summary>
    public void RecordPreliminaryConsultation(
        DateOnly heldOn,
        IReadOnlyList<string> participants,
        IReadOnlyList<UnLanguage> languages,
        bool exceptionalLanguages,
        string agreedTimeFrames,
        string? notes,
        DateTimeOffset now,
        string by)
    {
        RequireStage(ReviewStage.PreliminaryConsultation, "record the preliminary consultation");
        var violations = new List<FieldViolation>();
        if (heldOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            violations.Add(new FieldViolation("held_on", $"The consultation date {heldOn:yyyy-MM-dd} is in the future."));
        }
        if (heldOn < StartDate)
        {
            violations.Add(new FieldViolation("held_on", $"The consultation date {heldOn:yyyy-MM-dd} is before the review started ({StartDate:yyyy-MM-dd})."));
        }
        var parties = participants.Select(p => p.Trim().ToUpperInvariant()).Distinct().ToList();
        foreach (var party in parties.Where(p => ParticipantOf(p) is null))
        {
            violations.Add(new FieldViolation("participants", $"{party} is not a party of review {Id}."));
        }
        if (!parties.Contains(PartyUnderReview))
        {
            violations.Add(new FieldViolation("participants", $"The party under review ({PartyUnderReview}) holds the consultation and must be listed."));
        }
        if (string.IsNullOrWhiteSpace(agreedTimeFrames))
        {
            violations.Add(new FieldViolation("agreed_time_frames", "Record the time frames the focal points agreed."));
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid($"The preliminary consultation cannot be recorded: {violations[0].Description}", violations);
        }
        // No language yet: the parties are still discussing them ("to be confirmed" in the secretariat's figures);
        // they are agreed later with SetLanguages.
        var chosen = languages.Count == 0 ? null : WorkingLanguages.Validate(languages, exceptionalLanguages);
        PreliminaryConsultation = new PreliminaryConsultationRecord(heldOn, parties, agreedTimeFrames.Trim(), notes, by, now);
        if (chosen is not null)
        {
            SetLanguagesUnchecked(chosen, exceptionalLanguages, now);
        }
        Deadline(DeadlineKind.PreliminaryConsultation).Meet(now);
        MoveTo(ReviewStage.SelfAssessmentQuestionnaire, now, "preliminary consultation recorded", by);
    }

    /// <summary>Event: the party under review submitted its questionnaire (moves to written feedback).</summary>
    public void RecordQuestionnaireSubmitted(string party, DateTimeOffset submittedAt, string by, ReviewTimelineOptions timeline)
    {
        if (party != PartyUnderReview)
        {
            throw DomainException.Invalid("party", $"Only the party under review ({PartyUnderReview}) submits the questionnaire of review {Id}, not {party}.");
        }
        RequireStage(ReviewStage.SelfAssessmentQuestionnaire, "receive the self-assessment questionnaire");
        QuestionnaireSubmittedAt = submittedAt;
        Deadline(DeadlineKind.SelfAssessmentQuestionnaire).Meet(submittedAt);
        MoveTo(ReviewStage.WrittenFeedback, submittedAt, "self-assessment questionnaire submitted", by);
        Reschedule(timeline);
    }

    /// <summary>Event: a reviewer submitted its written feedback; with the last one the review moves on.</summary>
    public void RecordWrittenFeedback(string reviewer, DateTimeOffset submittedAt, string by, ReviewTimelineOptions timeline)
    {
        var participant = ParticipantOf(reviewer);
        if (participant is null || !participant.IsReviewer)
        {
            throw DomainException.Invalid("reviewer_party", $"{reviewer} is not a reviewing party of review {Id}.");
        }
        RequireStage(ReviewStage.WrittenFeedback, "receive written feedback");
        if (participant.FeedbackSubmittedAt is { } earlier)
        {
            throw DomainException.AlreadyExists("FEEDBACK_ALREADY_SUBMITTED", $"country-review/{Id}/feedback/{reviewer}", $"{reviewer} already submitted its written feedback for review {Id} on {earlier:yyyy-MM-dd}.");
        }
        participant.RecordFeedback(submittedAt, by);
        if (ActiveReviewers.All(r => r.FeedbackSubmittedAt is not null))
        {
            Deadline(DeadlineKind.WrittenFeedback).Meet(submittedAt);
            MoveTo(ReviewStage.ListOfObservationsAndSummary, submittedAt, "written feedback of every reviewer submitted", by);
            Reschedule(timeline);
        }
    }

    /// <summary>Event: the list of observations and its summary were finalized (the review is completed).</summary>
    public void RecordObservationsFinalized(DateTimeOffset finalizedAt, string by)
    {
        RequireStage(ReviewStage.ListOfObservationsAndSummary, "finalize the list of observations");
        ObservationsFinalizedAt = finalizedAt;
        Deadline(DeadlineKind.ListOfObservations).Meet(finalizedAt);
        MoveTo(ReviewStage.Completed, finalizedAt, "list of observations and summary finalized", by);
    }

    // ----- Languages, extensions, reviewers -----

    public void SetLanguages(IReadOnlyList<UnLanguage> languages, bool exceptional, DateTimeOffset now)
    {
        if (Stage == ReviewStage.Completed)
        {
            throw DomainException.Precondition("STAGE_ORDER", $"country-review/{Id}", $"Review {Id} is completed; its working languages can no longer change.");
        }
        SetLanguagesUnchecked(WorkingLanguages.Validate(languages, exceptional), exceptional, now);
    }

    /// <summary>Records an extension the parties agreed; the indicative date is kept.</summary>
    public void AgreeExtension(DeadlineKind kind, DateOnly newDate, IReadOnlyList<string> agreedByParties, string reason, DateTimeOffset now, string by)
    {
        if (!Enum.IsDefined(kind))
        {
            throw DomainException.Invalid("deadline", "Unknown deadline.");
        }
        var deadline = Deadline(kind);
        if (deadline.IsMet)
        {
            throw DomainException.Precondition("DEADLINE_MET", $"country-review/{Id}/{kind}", $"The deadline for the {kind.DisplayName()} of review {Id} was met on {deadline.MetAt:yyyy-MM-dd}; it cannot be extended.");
        }
        if (Stage == ReviewStage.Completed)
        {
            throw DomainException.Precondition("STAGE_ORDER", $"country-review/{Id}", $"Review {Id} is completed; its deadlines can no longer change.");
        }
        if (newDate <= deadline.Effective)
        {
            throw DomainException.Invalid("new_date", $"An extension moves the deadline later: the {kind.DisplayName()} of review {Id} is already due on {deadline.Effective:yyyy-MM-dd}.");
        }
        var parties = agreedByParties.Select(p => p.Trim().ToUpperInvariant()).Distinct().ToList();
        if (parties.Count == 0)
        {
            throw DomainException.Invalid("agreed_by_parties", "Name the parties that agreed to the extension.");
        }
        foreach (var party in parties.Where(p => ParticipantOf(p) is null))
        {
            throw DomainException.Invalid("agreed_by_parties", $"{party} is not a party of review {Id}.");
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw DomainException.Invalid("reason", "Say why the extension was agreed.");
        }
        deadline.Extend(new DeadlineExtension(newDate, deadline.Effective, by, parties, now, reason.Trim()));
        _events.Add(new ReviewDeadlineExtended(Id, kind, deadline.Indicative, newDate, now));
    }

    /// <summary>After a redraw: parties leaving the review keep their history, new reviewers join.</summary>
    public void ReplaceReviewers(CountryPairing pairing, Func<string, ReviewRole, FocalPointContact?> knownFocalPoint, DateTimeOffset now, string by)
    {
        if (pairing.PartyUnderReview != PartyUnderReview)
        {
            throw new ArgumentException("The pairing is not the one of this review.", nameof(pairing));
        }
        var wanted = Places(pairing).ToList();
        var left = new List<string>();
        foreach (var reviewer in ActiveReviewers.ToList())
        {
            if (!wanted.Any(w => w.Iso3 == reviewer.Iso3 && w.Role == reviewer.Role && w.Instruments == reviewer.Instruments))
            {
                reviewer.Leave(now);
                left.Add(reviewer.Iso3);
            }
        }
        var joined = new List<string>();
        foreach (var place in wanted)
        {
            if (ActiveReviewers.Any(r => r.Iso3 == place.Iso3 && r.Role == place.Role && r.Instruments == place.Instruments))
            {
                continue;
            }
            var participant = Join(place.Iso3, place.Role, place.Instruments, place.Slot, now);
            if (knownFocalPoint(place.Iso3, place.Role) is { } contact)
            {
                participant.SetFocalPoint(contact);
            }
            joined.Add(place.Iso3);
        }
        if (left.Count + joined.Count > 0)
        {
            _events.Add(new ReviewReviewersChanged(Id, left, joined, now));
        }
        AdvanceIfAllFocalPoints(now, "focal points of the redrawn reviewers known", by);
    }

    /// <summary>What the review waits for at <paramref name="now"/>; null when completed.</summary>
    public ReviewBlocker? Blocker(DateTimeOffset now)
    {
        var start = new DateTimeOffset(StartDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (Stage == ReviewStage.Completed)
        {
            return null;
        }
        if (now < start)
        {
            return new ReviewBlocker(BlockerKind.NotStarted, [], now, 0, [], StartDate);
        }
        var missing = ActiveParticipants.Where(p => p.FocalPoint is null).ToList();
        if (missing.Count > 0)
        {
            var parts = missing
                .Select(p => (p.Iso3, Since: Max(p.FocalPointMissingSince ?? start, Max(start, p.JoinedAt))))
                .OrderBy(p => p.Since)
                .ThenBy(p => p.Iso3, StringComparer.Ordinal)
                .ToList();
            return new ReviewBlocker(
                BlockerKind.FocalPointMissing, parts.Select(p => p.Iso3).ToList(), parts[0].Since, Days(parts[0].Since, now),
                parts.Select(p => Days(p.Since, now)).ToList(), Deadline(DeadlineKind.FocalPointNomination).Effective);
        }
        var since = Max(StageEnteredAt, start);
        var days = Days(since, now);
        return Stage switch
        {
            ReviewStage.NominationsPending or ReviewStage.PreliminaryConsultation => Waiting(
                BlockerKind.PreliminaryConsultationPending, [PartyUnderReview], since, days, DeadlineKind.PreliminaryConsultation),
            ReviewStage.SelfAssessmentQuestionnaire => Waiting(
                BlockerKind.QuestionnairePending, [PartyUnderReview], since, days, DeadlineKind.SelfAssessmentQuestionnaire),
            ReviewStage.WrittenFeedback => Waiting(
                BlockerKind.WrittenFeedbackPending, ActiveReviewers.Where(r => r.FeedbackSubmittedAt is null).Select(r => r.Iso3).ToList(), since, days, DeadlineKind.WrittenFeedback),
            _ => Waiting(BlockerKind.ListOfObservationsPending, ActiveReviewers.Select(r => r.Iso3).ToList(), since, days, DeadlineKind.ListOfObservations),
        };
    }

    /// <summary>Forgets the published changes (the data layer calls it after storing them in the outbox).</summary>
    public void ClearDomainEvents() => _events.Clear();

    // ----- internals -----

    private ReviewBlocker Waiting(BlockerKind kind, List<string> parties, DateTimeOffset since, int days, DeadlineKind deadline) =>
        new(kind, parties, since, days, parties.Select(_ => days).ToList(), Deadline(deadline).Effective);

    private static IEnumerable<(string Iso3, ReviewRole Role, InstrumentSet Instruments, ReviewerSlot? Slot)> Places(CountryPairing pairing)
    {
        yield return (pairing.SameRegionReviewer, ReviewRole.SameRegionReviewer, InstrumentSet.Empty, null);
        yield return (pairing.OtherRegionReviewer, ReviewRole.OtherRegionReviewer, InstrumentSet.Empty, null);
        foreach (var additional in pairing.AdditionalReviewers)
        {
            yield return (additional.Iso3, ReviewRole.AdditionalReviewer, additional.Instruments, additional.ForSlot);
        }
    }

    private void JoinReviewers(CountryPairing pairing, DateTimeOffset now)
    {
        foreach (var place in Places(pairing))
        {
            Join(place.Iso3, place.Role, place.Instruments, place.Slot, now);
        }
    }

    private ReviewParticipant Join(string iso3, ReviewRole role, InstrumentSet instruments, ReviewerSlot? slot, DateTimeOffset now)
    {
        if (ParticipantOf(iso3) is not null)
        {
            throw new InvalidOperationException($"{iso3} already holds a place in review {Id}.");
        }
        var participant = new ReviewParticipant(iso3, role, instruments, slot, now);
        Participants.Add(participant);
        if (!PartyCodes.Contains(iso3))
        {
            PartyCodes.Add(iso3);
        }
        return participant;
    }

    private void SetLanguagesUnchecked(List<UnLanguage> languages, bool exceptional, DateTimeOffset now)
    {
        Languages = languages;
        LanguagesExceptional = exceptional && languages.Count == WorkingLanguages.Exceptional;
        _events.Add(new ReviewLanguagesSet(Id, languages, LanguagesExceptional, now));
    }

    private ReviewParticipant RequireParticipant(string iso3, string what) =>
        ParticipantOf(iso3) ?? throw DomainException.Invalid("party", $"{iso3} is not a party of review {Id}, so it cannot have a {what} for it.");

    private void AdvanceIfAllFocalPoints(DateTimeOffset now, string trigger, string by)
    {
        if (Stage == ReviewStage.NominationsPending && ActiveParticipants.All(p => p.FocalPoint is not null))
        {
            Deadline(DeadlineKind.FocalPointNomination).Meet(now);
            MoveTo(ReviewStage.PreliminaryConsultation, now, trigger, by);
        }
    }

    private void RequireStage(ReviewStage required, string action)
    {
        if (Stage == required)
        {
            return;
        }
        string why;
        if (Stage < required)
        {
            var waiting = Stage switch
            {
                ReviewStage.NominationsPending => $"the focal points of {string.Join(", ", ActiveParticipants.Where(p => p.FocalPoint is null).Select(p => p.Iso3))} are not yet nominated",
                ReviewStage.PreliminaryConsultation => "the preliminary consultation has not been recorded",
                ReviewStage.SelfAssessmentQuestionnaire => "the self-assessment questionnaire has not been submitted",
                ReviewStage.WrittenFeedback => $"the written feedback of {string.Join(", ", ActiveReviewers.Where(r => r.FeedbackSubmittedAt is null).Select(r => r.Iso3))} is still missing",
                _ => "the list of observations is not finalized",
            };
            why = $"review {Id} is at stage '{Stage.DisplayName()}' and a stage cannot be skipped: {waiting}";
        }
        else
        {
            why = $"review {Id} is already at stage '{Stage.DisplayName()}', past '{required.DisplayName()}'";
        }
        throw DomainException.Precondition("STAGE_ORDER", $"country-review/{Id}", $"Cannot {action}: {why}.");
    }

    private void MoveTo(ReviewStage next, DateTimeOffset at, string trigger, string by)
    {
        if (next != Stage + 1)
        {
            throw new InvalidOperationException($"Illegal transition {Stage} -> {next}.");
        }
        History.Add(new StageTransition(Stage, next, at, trigger, by));
        _events.Add(new ReviewStageChanged(Id, Stage, next, trigger, at));
        Stage = next;
        StageEnteredAt = at;
    }

    /// <summary>The indicative dates, from the start and from the milestones already reached.</summary>
    private void Reschedule(ReviewTimelineOptions timeline)
    {
        foreach (var kind in new[] { DeadlineKind.FocalPointNomination, DeadlineKind.ExpertNomination, DeadlineKind.PreliminaryConsultation, DeadlineKind.SelfAssessmentQuestionnaire })
        {
            Deadline(kind).Reschedule(timeline.For(kind).After(StartDate));
        }
        var questionnaire = QuestionnaireSubmittedAt is { } q ? DateOnly.FromDateTime(q.UtcDateTime) : Deadline(DeadlineKind.SelfAssessmentQuestionnaire).Effective;
        Deadline(DeadlineKind.WrittenFeedback).Reschedule(timeline.WrittenFeedback.After(questionnaire));
        var feedback = Deadline(DeadlineKind.WrittenFeedback).MetAt is { } f ? DateOnly.FromDateTime(f.UtcDateTime) : Deadline(DeadlineKind.WrittenFeedback).Effective;
        Deadline(DeadlineKind.ListOfObservations).Reschedule(timeline.ListOfObservations.After(feedback));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static int Days(DateTimeOffset since, DateTimeOffset now) => Math.Max(0, (int)(now - since).TotalDays);

}
