using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;

namespace Reviews.Api.Domain.Groups;

/// <summary>
/// One of the groups the parties were split into by lot (para 17): its parties under review, their pairings
/// (valid for every phase unless redrawn), the phases it launched and the Conference decisions about it.
/// </summary>
public sealed class ReviewGroup
{
    private ReviewGroup()
    {
        Parties = [];
        Pairings = [];
        Phases = [];
        Decisions = [];
    }

    public int Number { get; private set; }

    public DateOnly StartDate { get; private set; }

    public List<string> Parties { get; private set; }

    public Guid SplitDrawId { get; private set; }

    public Guid? PairingDrawId { get; private set; }

    public List<GroupPairing> Pairings { get; private set; }

    public List<GroupPhase> Phases { get; private set; }

    public List<ConferenceDecision> Decisions { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public uint Version { get; private set; }

    public int CurrentPhase => Phases.Count == 0 ? 0 : Phases.Max(p => p.Phase);

    public static ReviewGroup Create(int number, DateOnly startDate, IReadOnlyList<string> parties, Guid splitDrawId, DateTimeOffset now) => new()
    {
        Number = number,
        StartDate = startDate,
        Parties = [.. parties.Order(StringComparer.Ordinal)],
        SplitDrawId = splitDrawId,
        CreatedAt = now,
    };

    public GroupPairing PairingOf(string partyUnderReview) =>
        Pairings.FirstOrDefault(p => p.PartyUnderReview == partyUnderReview)
        ?? throw DomainException.NotFound("PAIRING_NOT_FOUND", $"group/{Number}/pairing/{partyUnderReview}", $"{partyUnderReview} is not under review in group {Number}, or its reviewers have not been drawn yet.");

    /// <summary>Reviews each party conducts in this group.</summary>
    public Dictionary<string, int> Loads()
    {
        var loads = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reviewer in Pairings.SelectMany(p => p.ToPairing().Reviewers()))
        {
            loads[reviewer] = loads.GetValueOrDefault(reviewer) + 1;
        }
        return loads;
    }

    /// <summary>Stores the result of the group's pairing draw (once; afterwards only redraws change it).</summary>
    public void RecordPairings(IReadOnlyList<CountryPairing> pairings, Guid drawId, DateTimeOffset now)
    {
        if (Pairings.Count > 0)
        {
            throw DomainException.AlreadyExists("PAIRINGS_ALREADY_DRAWN", $"group/{Number}/pairings", $"The reviewers of group {Number} were already drawn (draw {PairingDrawId}); a party may ask for a redraw of its pairing instead.");
        }
        var drawn = pairings.Select(p => p.PartyUnderReview).Order(StringComparer.Ordinal).ToList();
        if (!drawn.SequenceEqual(Parties))
        {
            throw new ArgumentException($"The pairings do not cover exactly the parties of group {Number}.", nameof(pairings));
        }
        Pairings = [.. pairings.Select(p => new GroupPairing(p, drawId, now))];
        PairingDrawId = drawId;
    }

    /// <summary>
    /// Checks a redraw request and returns what the draw must do: the places drawn again (the requester's own
    /// place, or both for the party under review), who stays, who may not be drawn again, the other loads.
    /// </summary>
    public (RedrawScope Scope, IReadOnlyList<ReviewerLoad> Loads) PlanRedraw(
        string partyUnderReview, string requestingParty, IReadOnlyList<ReviewerSlot> requestedSlots, ReviewStage currentStage, DrawingOfLotsOptions options)
    {
        var pairing = PairingOf(partyUnderReview);
        var current = pairing.ToPairing();
        if (pairing.RedrawCount >= options.MaxRedrawsPerReview)
        {
            throw DomainException.Precondition(
                "REDRAW_LIMIT", $"group/{Number}/pairing/{partyUnderReview}",
                $"The pairing of {partyUnderReview} was already drawn again {pairing.RedrawCount} times; a party may ask for the drawing to be repeated at most {options.MaxRedrawsPerReview} times (para 28).");
        }
        if (currentStage > options.RedrawAllowedUntilStage)
        {
            throw DomainException.Precondition(
                "REDRAW_STAGE", $"group/{Number}/pairing/{partyUnderReview}",
                $"The review of {partyUnderReview} is at stage '{currentStage.DisplayName()}'; reviewers can be drawn again only until stage '{options.RedrawAllowedUntilStage.DisplayName()}'.");
        }
        List<ReviewerSlot> slots;
        if (requestingParty == partyUnderReview)
        {
            slots = requestedSlots.Count == 0 ? [ReviewerSlot.SameRegion, ReviewerSlot.OtherRegion] : [.. requestedSlots.Distinct()];
        }
        else
        {
            var own = requestingParty == current.SameRegionReviewer ? ReviewerSlot.SameRegion
                : requestingParty == current.OtherRegionReviewer ? ReviewerSlot.OtherRegion
                : current.AdditionalReviewers.FirstOrDefault(a => a.Iso3 == requestingParty)?.ForSlot;
            if (own is null)
            {
                throw DomainException.Precondition(
                    "REDRAW_REQUESTER", $"group/{Number}/pairing/{partyUnderReview}",
                    $"{requestingParty} is not a party of the review of {partyUnderReview}; only its three parties can ask for a redraw.");
            }
            if (requestedSlots.Any(s => s != own))
            {
                throw DomainException.Invalid("slots", $"{requestingParty} can ask for its own place to be drawn again, not another party's.");
            }
            slots = [own.Value];
        }
        var redrawn = slots.SelectMany(s => new[] { current.ReviewerIn(s) }.Concat(current.AdditionalReviewers.Where(a => a.ForSlot == s).Select(a => a.Iso3))).ToList();
        var kept = current.Reviewers().Except(redrawn).Order(StringComparer.Ordinal).ToList();
        var excluded = slots.Select(current.ReviewerIn).Order(StringComparer.Ordinal).ToList();
        var loads = Loads();
        foreach (var reviewer in redrawn)
        {
            loads[reviewer]--;
        }
        var fixedLoads = loads.Where(l => l.Value > 0).OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new ReviewerLoad(l.Key, l.Value)).ToList();
        return (new RedrawScope(partyUnderReview, [.. slots.Order()], kept, excluded), fixedLoads);
    }

    /// <summary>Applies a redraw's places to the pairing and returns the new pairing.</summary>
    public CountryPairing ApplyRedraw(PairingOutcome outcome, Guid drawId, DateTimeOffset now)
    {
        var partyUnderReview = outcome.Places[0].PartyUnderReview;
        var pairing = PairingOf(partyUnderReview);
        var current = pairing.ToPairing();
        var same = outcome.Places.FirstOrDefault(p => p.Slot == ReviewerSlot.SameRegion);
        var other = outcome.Places.FirstOrDefault(p => p.Slot == ReviewerSlot.OtherRegion);
        var additional = new List<AdditionalReviewer>();
        foreach (var (place, slot) in new[] { (same, ReviewerSlot.SameRegion), (other, ReviewerSlot.OtherRegion) })
        {
            if (place is null)
            {
                additional.AddRange(current.AdditionalReviewers.Where(a => a.ForSlot == slot));
            }
            else if (place.Additional is not null)
            {
                additional.Add(place.Additional);
            }
        }
        var updated = new CountryPairing(
            partyUnderReview,
            same?.Reviewer ?? current.SameRegionReviewer,
            other?.Reviewer ?? current.OtherRegionReviewer,
            additional);
        pairing.Redrawn(updated, drawId, now);
        return updated;
    }

    public GroupPhase? PhaseOf(int phase) => Phases.FirstOrDefault(p => p.Phase == phase);

    internal void AddPhase(GroupPhase phase) => Phases.Add(phase);

    public ConferenceDecision RecordConferenceDecision(
        int fromPhase, ConferenceDecisionOutcome outcome, string reference, DateOnly decidedOn, string? notes, DateTimeOffset now, string by)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw DomainException.Invalid("outcome", "The decision either lets the group advance or holds it back.");
        }
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw DomainException.Invalid("reference", "Give the decision's reference (symbol and number), so the override can be traced.");
        }
        if (decidedOn > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw DomainException.Invalid("decided_on", $"The decision date {decidedOn:yyyy-MM-dd} is in the future.");
        }
        if (fromPhase != CurrentPhase || CurrentPhase == 0)
        {
            throw DomainException.Precondition(
                "PHASE_ORDER", $"group/{Number}",
                $"Group {Number} is in phase {CurrentPhase}; a decision about leaving phase {fromPhase} does not apply to it.");
        }
        var decision = new ConferenceDecision(Guid.NewGuid(), fromPhase, outcome, reference.Trim(), decidedOn, notes, by, now);
        Decisions.Add(decision);
        return decision;
    }

    /// <summary>The latest decision recorded about leaving <paramref name="phase"/>.</summary>
    public ConferenceDecision? DecisionFor(int phase) =>
        Decisions.Where(d => d.FromPhase == phase).OrderBy(d => d.DecidedOn).ThenBy(d => d.RecordedAt).LastOrDefault();
}
