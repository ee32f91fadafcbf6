using Microsoft.Extensions.Options;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Reports;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Domain.Validation;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Api.Application.Workflow;

/// <summary>The reads: a nomination, a party's history, the country profile, the missing report, statistics, tasks.</summary>
public sealed class NominationQueries(
    INominationRepository repository, ICountryReviewCatalog catalog, TimeProvider time, IOptions<NominationDeadlines> deadlines)
{
    public async Task<NominationDetails> GetNominationAsync(string? party, string? nominationId, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var code = InputRules.Party(party, "party", violations);
        var id = InputRules.Id(nominationId, "nomination_id", "nomination", violations);
        violations.ThrowIfAny();

        var roster = await repository.FindAsync(code!, cancellationToken)
            ?? throw DomainException.NotFound("NOMINATION_NOT_FOUND", $"nomination/{id}", $"Party {code} has no nomination {id}.");
        var nomination = roster.GetNomination(id!.Value);
        return new NominationDetails(
            nomination,
            roster.Handovers.Where(h => h.Concerns(nomination.Id)).OrderBy(h => h.HandedOverAt).ToList(),
            roster.OpenTasksOf(nomination.Id).OrderBy(t => t.CreatedAt).ToList());
    }

    /// <summary>Active nominations, or the whole history (who held which role when), oldest first.</summary>
    public async Task<PartyNominations> ListNominationsAsync(string? party, NominationRole? role, bool includeEnded, CancellationToken cancellationToken)
    {
        var code = await KnownPartyAsync(party, cancellationToken);
        var roster = await repository.FindAsync(code.Iso3, cancellationToken);
        if (roster is null)
        {
            return new PartyNominations(code.Iso3, [], []);
        }
        var nominations = roster.Nominations
            .Where(n => (includeEnded || n.IsActive) && (role is null || n.Role == role))
            .OrderBy(n => n.EffectiveFrom).ThenBy(n => n.Id)
            .ToList();
        var handovers = roster.Handovers.Where(h => role is null || h.Role == role).OrderBy(h => h.HandedOverAt).ToList();
        return new PartyNominations(code.Iso3, nominations, handovers);
    }

    public async Task<CountryProfile> GetCountryProfileAsync(Caller viewer, string? party, CancellationToken cancellationToken)
    {
        var known = await KnownPartyAsync(party, cancellationToken);
        var roster = await repository.FindAsync(known.Iso3, cancellationToken);
        return CountryProfile.For(known.Iso3, known.Name, roster?.Nominations ?? [], viewer);
    }

    public async Task<(DateTimeOffset AsOf, IReadOnlyList<MissingNomination> Missing)> ListMissingAsync(
        string? party, string? countryReviewId, NominationRole? role, bool overdueOnly, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var code = string.IsNullOrWhiteSpace(party) ? null : InputRules.Party(party, "party", violations);
        var reviewId = string.IsNullOrWhiteSpace(countryReviewId) ? null : InputRules.CountryReviewId(countryReviewId, "country_review_id", violations);
        if (role == NominationRole.Observer)
        {
            violations.Add("role", "observers have no nomination deadline: ask for FOCAL_POINT, GOVERNMENTAL_EXPERT or leave it unspecified");
        }
        violations.ThrowIfAny();

        var now = time.GetUtcNow();
        var reviews = await catalog.ListStartedReviewsAsync(now, cancellationToken);
        var parties = code is null ? null : new[] { code };
        var nominations = await repository.ListNominationsAsync(parties, cancellationToken);
        var missing = MissingNominationsReport.Compute(
            reviews, nominations, deadlines.Value, now, new MissingNominationsFilter(code, reviewId, role, overdueOnly));
        return (now, missing);
    }

    public async Task<NominationStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        NominationStatistics.Compute(await repository.ListNominationsAsync(null, cancellationToken));

    /// <summary>The open tasks of one nomination, or of the whole party (vacant ones included) when no id is given.</summary>
    public async Task<IReadOnlyList<NominationTask>> ListOpenTasksAsync(Caller actor, string? party, string? nominationId, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var code = InputRules.Party(party, "party", violations);
        var id = string.IsNullOrWhiteSpace(nominationId) ? null : InputRules.Id(nominationId, "nomination_id", "nomination", violations);
        violations.ThrowIfAny();
        if (!actor.MayReadTasksOf(code!))
        {
            throw DomainException.Denied("NOT_YOUR_PARTY", $"party/{code}", $"The tasks of party {code} are visible to its own users and the Secretariat only.");
        }

        var roster = await repository.FindAsync(code!, cancellationToken);
        if (roster is null)
        {
            return id is null ? [] : throw DomainException.NotFound("NOMINATION_NOT_FOUND", $"nomination/{id}", $"Party {code} has no nomination {id}.");
        }
        if (id is { } one)
        {
            roster.GetNomination(one);
            return roster.OpenTasksOf(one).OrderBy(t => t.CreatedAt).ToList();
        }
        return roster.Tasks.Where(t => t.IsOpen).OrderBy(t => t.CreatedAt).ToList();
    }

    private async Task<KnownParty> KnownPartyAsync(string? party, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var code = InputRules.Party(party, "party", violations);
        violations.ThrowIfAny();
        return await catalog.FindPartyAsync(code!, cancellationToken)
            ?? throw DomainException.NotFound("PARTY_NOT_FOUND", $"party/{code}", $"{code} is not a party to the Convention known to the Mechanism.");
    }
}
