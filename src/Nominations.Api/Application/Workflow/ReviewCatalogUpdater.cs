using Nominations.Api.Domain;
using Nominations.Api.Domain.Reviews;
using Nominations.Api.Domain.Validation;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Nominations.Api.Application.Workflow;

/// <summary>
/// The upsert commands of the parties and reviews read-model: what the Reviews service's events
/// (and the party list at first start) feed in. Bad data is refused before anything is stored.
/// </summary>
public sealed class ReviewCatalogUpdater(ICountryReviewCatalog catalog)
{
    public async Task UpsertPartyAsync(string? iso3, string? name, CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var code = InputRules.Party(iso3, "party", violations);
        var partyName = InputRules.RequiredText(name, "name", "party name", InputRules.MaxNameLength, violations);
        violations.ThrowIfAny();
        await catalog.UpsertPartyAsync(new KnownParty(code!, partyName!), cancellationToken);
    }

    public async Task UpsertReviewAsync(
        string? countryReviewId, string? partyUnderReview, IEnumerable<string?> reviewingParties, DateTimeOffset? startedAt,
        CancellationToken cancellationToken)
    {
        var violations = new Violations();
        var id = InputRules.CountryReviewId(countryReviewId, "country_review_id", violations);
        var underReview = InputRules.Party(partyUnderReview, "party_under_review", violations);
        var reviewers = new List<string>();
        var index = 0;
        foreach (var raw in reviewingParties)
        {
            var reviewer = InputRules.Party(raw, $"reviewing_parties[{index++}]", violations);
            if (reviewer is not null && reviewer == underReview)
            {
                violations.Add($"reviewing_parties[{index - 1}]", $"{reviewer} is the party under review; a party never reviews itself");
            }
            else if (reviewer is not null && !reviewers.Contains(reviewer))
            {
                reviewers.Add(reviewer);
            }
        }
        violations.ThrowIfAny();
        foreach (var party in reviewers.Prepend(underReview!))
        {
            if (await catalog.FindPartyAsync(party, cancellationToken) is null)
            {
                throw DomainException.NotFound("PARTY_NOT_FOUND", $"party/{party}", $"{party} is not a party to the Convention known to the Mechanism.");
            }
        }
        await catalog.UpsertReviewAsync(new CountryReviewInfo(id!, underReview!, reviewers, startedAt), cancellationToken);
    }
}
