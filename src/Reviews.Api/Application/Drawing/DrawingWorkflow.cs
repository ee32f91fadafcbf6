using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using Reviews.Api.Data;
using Reviews.Api.Domain.Common;
using Reviews.Api.Domain.CountryReviews;
using Reviews.Api.Domain.Drawing;
using Reviews.Api.Domain.Groups;
using Reviews.Api.Domain.Phases;
using Reviews.Api.IntegrationEvents;

namespace Reviews.Api.Application.Drawing;

/// <summary>
/// The drawing of lots (paras 17 and 28): the split of the parties into groups (drawn here, or recorded as drawn at a
/// session), each group's pairings, which open the first phase's reviews, and the redraws parties ask for. Each use
/// case loads what it needs, lets the domain decide and saves once, so a refused call stores nothing.
/// </summary>
public sealed class DrawingWorkflow(
    ReviewsDbContext db,
    TimeProvider time,
    IOptions<DrawingOfLotsOptions> drawing,
    IOptions<ReviewTimelineOptions> timeline,
    IOptions<PhaseOptions> phases)
{
    public async Task<GroupSplitResult> SplitIntoGroupsAsync(Caller caller, SplitIntoGroupsCommand command, CancellationToken cancellationToken)
    {
        await EnsureNoGroupsAsync(cancellationToken);
        var options = drawing.Value;
        var asOf = command.AsOf ?? time.Today();
        var parties = await db.Parties.AsNoTracking().ToListAsync(cancellationToken);
        var candidates = DrawingOfLots.CandidatesAsOf(parties, asOf).Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);
        List<string> participants;
        if (command.Participants.Count == 0)
        {
            participants = [.. candidates.Order(StringComparer.Ordinal)];
        }
        else
        {
            participants = [.. command.Participants.Select(p => Iso3.Normalize(p, "participants")).Distinct().Order(StringComparer.Ordinal)];
            var unknown = participants.Where(p => parties.All(q => q.Iso3 != p)).ToList();
            if (unknown.Count > 0)
            {
                throw DomainException.NotFound("PARTY_NOT_FOUND", $"party/{unknown[0]}", $"Unknown parties: {string.Join(", ", unknown)}.");
            }
            var notParty = participants.Where(p => !candidates.Contains(p)).ToList();
            if (notParty.Count > 0)
            {
                throw DomainException.Invalid("participants", $"Not parties to the Convention on {asOf:yyyy-MM-dd}: {string.Join(", ", notParty)}.");
            }
        }
        var starts = GroupStartDates(command.FirstGroupStart, command.GroupStartDates, options);
        var seed = command.Seed ?? DrawingOfLots.NewSeed();
        var inputs = new GroupSplitInputs(participants, options.GroupCount);
        var split = DrawingOfLots.SplitIntoGroups(inputs, seed);
        var record = DrawRecord.ForGroupSplit(Guid.NewGuid(), caller.Subject, time.GetUtcNow(), seed, inputs, split);
        return await StoreSplitAsync(record, split, starts, cancellationToken);
    }

    public async Task<GroupSplitResult> RecordGroupSplitAsync(Caller caller, RecordGroupSplitCommand command, CancellationToken cancellationToken)
    {
        await EnsureNoGroupsAsync(cancellationToken);
        var options = drawing.Value;
        var asOf = command.AsOf ?? time.Today();
        var parties = await db.Parties.AsNoTracking().ToListAsync(cancellationToken);
        var candidates = DrawingOfLots.CandidatesAsOf(parties, asOf).Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);
        var known = parties.Select(p => p.Iso3).ToHashSet(StringComparer.Ordinal);
        var outcome = RecordedSplit.Check(command.Groups, options.GroupCount, asOf, known, candidates, command.Reference, out var violations);
        List<DateOnly>? starts = null;
        try
        {
            starts = GroupStartDates(command.FirstGroupStart, command.GroupStartDates, options);
        }
        catch (DomainException error) when (error.Kind == DomainErrorKind.InvalidArgument)
        {
            violations.AddRange(error.Violations);
        }
        if (violations.Count > 0)
        {
            throw DomainException.Invalid(violations);
        }
        var inputs = new GroupSplitInputs([.. outcome.Groups.SelectMany(g => g).Order(StringComparer.Ordinal)], options.GroupCount);
        var record = DrawRecord.ForRecordedGroupSplit(Guid.NewGuid(), caller.Subject, time.GetUtcNow(), command.Reference!.Trim(), inputs, outcome);
        return await StoreSplitAsync(record, outcome, starts!, cancellationToken);
    }

    public async Task<PairingsResult> DrawPairingsAsync(Caller caller, DrawPairingsCommand command, CancellationToken cancellationToken)
    {
        var group = await db.FindGroupAsync(command.GroupNumber, cancellationToken);
        if (group.Pairings.Count > 0)
        {
            throw DomainException.AlreadyExists("PAIRINGS_ALREADY_DRAWN", $"group/{group.Number}/pairings", $"The reviewers of group {group.Number} were already drawn; a party may ask for a redraw of its pairing instead.");
        }
        var now = time.GetUtcNow();
        var asOf = command.AsOf ?? time.Today();
        var candidates = await db.ParticipantsAsOfAsync(asOf, cancellationToken);
        var inputs = new PairingInputs(asOf, candidates, group.Parties, [], null, DrawRules.From(drawing.Value));
        var seed = command.Seed ?? DrawingOfLots.NewSeed();
        var outcome = DrawingOfLots.Draw(inputs, seed);
        var record = DrawRecord.ForPairing(Guid.NewGuid(), group.Number, caller.Subject, now, seed, inputs, outcome);
        var pairings = outcome.Pairings();
        group.RecordPairings(pairings, record.Id, now);
        var reviews = PhasePlanner.LaunchFirstPhase(group, phases.Value, timeline.Value, await db.KnownFocalPointsAsync(cancellationToken), now, caller.Subject);
        db.Draws.Add(record);
        db.CountryReviews.AddRange(reviews);
        db.Publish(ReviewIntegrationEvents.PairingsPublished(group.Number, record, pairings));
        db.PublishPhaseLaunched(group);
        await db.SaveChangesAsync(cancellationToken);
        return new PairingsResult(record, pairings, [.. reviews.Select(r => r.Id)]);
    }

    public async Task<RedrawResult> RequestRedrawAsync(Caller caller, RequestRedrawCommand command, CancellationToken cancellationToken)
    {
        var partyUnderReview = Iso3.Normalize(command.PartyUnderReview, "party_under_review");
        var requesting = Iso3.Normalize(command.RequestingParty, "requesting_party");
        caller.RequireSecretariatOrParty(requesting, "ask for a redraw on its behalf", MechanismRoles.FocalPoint);
        if (string.IsNullOrWhiteSpace(command.Reason))
        {
            throw DomainException.Invalid("reason", "Say why the party asks for the drawing to be repeated (it is recorded with the draw).");
        }
        var now = time.GetUtcNow();
        var groups = await db.Groups.ToListAsync(cancellationToken);
        var group = groups.FirstOrDefault(g => g.Parties.Contains(partyUnderReview))
            ?? throw DomainException.NotFound("PARTY_NOT_UNDER_REVIEW", $"party/{partyUnderReview}", $"{partyUnderReview} is not under review in any group.");
        var review = group.CurrentPhase == 0 ? null
            : await db.CountryReviews.SingleOrDefaultAsync(r => r.Id == CountryReview.IdFor(partyUnderReview, PhasePlanner.ClusterOf(group.CurrentPhase, phases.Value)), cancellationToken);
        var (scope, loads) = group.PlanRedraw(partyUnderReview, requesting, command.Slots, review?.Stage ?? ReviewStage.NominationsPending, drawing.Value);
        var asOf = command.AsOf?.ToDate("as_of") ?? time.Today();
        var inputs = new PairingInputs(asOf, await db.ParticipantsAsOfAsync(asOf, cancellationToken), [partyUnderReview], loads, scope, DrawRules.From(drawing.Value));
        var seed = command.Seed ?? DrawingOfLots.NewSeed();
        var outcome = DrawingOfLots.Draw(inputs, seed);
        var record = DrawRecord.ForRedraw(Guid.NewGuid(), group.Number, caller.Subject, requesting, command.Reason.Trim(), now, seed, inputs, outcome);
        var pairing = group.ApplyRedraw(outcome, record.Id, now);
        review?.ReplaceReviewers(pairing, await db.KnownFocalPointsAsync(cancellationToken), now, caller.Subject);
        db.Draws.Add(record);
        db.Publish(ReviewIntegrationEvents.PairingsPublished(group.Number, record, [pairing]));
        await db.SaveChangesAsync(cancellationToken);
        return new RedrawResult(record, pairing, group.PairingOf(partyUnderReview).RedrawCount);
    }

    public async Task<DrawRecord> GetDrawAsync(string drawId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(drawId, out var id))
        {
            throw DomainException.Invalid("draw_id", $"'{drawId}' is not a draw id.");
        }
        return await db.Draws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken)
            ?? throw DomainException.NotFound("DRAW_NOT_FOUND", $"draw/{id}", $"No draw {id} is recorded.");
    }

    /// <summary>The draws in the order they were made; optionally of one group (0 = all) or concerning one party.</summary>
    public async Task<IReadOnlyList<DrawRecord>> ListDrawsAsync(int groupNumber, string partyUnderReview, CancellationToken cancellationToken)
    {
        var query = db.Draws.AsNoTracking();
        if (groupNumber != 0)
        {
            query = query.Where(d => d.GroupNumber == groupNumber);
        }
        var records = await query.OrderBy(d => d.RequestedAt).ToListAsync(cancellationToken);
        if (partyUnderReview.Length > 0)
        {
            var party = Iso3.Normalize(partyUnderReview, "party_under_review");
            records = [.. records.Where(d => d.PartyUnderReview == party || (d.PairingInputs?.PartiesUnderReview.Contains(party) ?? false))];
        }
        return records;
    }

    public async Task<IReadOnlyList<ReviewGroup>> ListGroupsAsync(CancellationToken cancellationToken) =>
        await db.Groups.AsNoTracking().OrderBy(g => g.Number).ToListAsync(cancellationToken);

    /// <summary>The groups (one, or all for 0) with their pairings; NOT_FOUND for a group that does not exist.</summary>
    public async Task<IReadOnlyList<ReviewGroup>> PairingsOfAsync(int groupNumber, CancellationToken cancellationToken)
    {
        var query = db.Groups.AsNoTracking();
        if (groupNumber != 0)
        {
            query = query.Where(g => g.Number == groupNumber);
        }
        var groups = await query.OrderBy(g => g.Number).ToListAsync(cancellationToken);
        if (groupNumber != 0 && groups.Count == 0)
        {
            throw DomainException.NotFound("GROUP_NOT_FOUND", $"group/{groupNumber}", $"There is no group {groupNumber}.");
        }
        return groups;
    }

    private async Task EnsureNoGroupsAsync(CancellationToken cancellationToken)
    {
        if (await db.Groups.AnyAsync(cancellationToken))
        {
            throw DomainException.AlreadyExists("GROUPS_ALREADY_DRAWN", "groups", "The parties were already split into groups; the split is drawn once (para 17).");
        }
    }

    private async Task<GroupSplitResult> StoreSplitAsync(DrawRecord record, GroupSplitOutcome split, List<DateOnly> starts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var groups = split.Groups.Select((members, i) => ReviewGroup.Create(i + 1, starts[i], members, record.Id, now)).ToList();
        db.Draws.Add(record);
        db.Groups.AddRange(groups);
        await db.SaveChangesAsync(cancellationToken);
        return new GroupSplitResult(record, groups);
    }

    private static List<DateOnly> GroupStartDates(DateOnly? firstGroupStart, IReadOnlyList<DateOnly> groupStartDates, DrawingOfLotsOptions options)
    {
        if (groupStartDates.Count > 0)
        {
            if (groupStartDates.Count != options.GroupCount)
            {
                throw DomainException.Invalid("group_start_dates", $"Give one start date per group ({options.GroupCount}), or only first_group_start.");
            }
            if (groupStartDates.Zip(groupStartDates.Skip(1)).Any(p => p.Second <= p.First))
            {
                throw DomainException.Invalid("group_start_dates", "Groups start one after the other: each start date must be later than the previous one.");
            }
            return [.. groupStartDates];
        }
        var first = firstGroupStart ?? throw DomainException.Invalid("first_group_start", "first_group_start is required (year, month, day).");
        return [.. Enumerable.Range(0, options.GroupCount).Select(i => first.AddMonths(i * options.MonthsBetweenGroupStarts))];
    }
}
