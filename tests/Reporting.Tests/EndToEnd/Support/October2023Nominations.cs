using ReviewMechanism.Events.V1;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;

namespace Reporting.Tests.EndToEnd.Support;

/// <summary>
/// The slides' 1,299 nominations (439 female, 729 male, 131 not informed): a focal point for its own review and one
/// as reviewer for each party not among the 34 missing ones (310), then governmental experts: one of each party under
/// review whose questionnaire is written, one as reviewer of each party that writes feedback, and the rest in turn over
/// all parties.
/// </summary>
public static class October2023Nominations
{
    public const int Total = 1299;

    public static List<NominateRequest> For(October2023Plan plan, IReadOnlyList<CountryReview> reviews)
    {
        var parties = reviews.SelectMany(October2023Plan.Places).Distinct().Order(StringComparer.Ordinal).ToList();
        var wanted = new List<(string Party, NominationRole Role, NominationScopeKind Scope)>();
        foreach (var party in parties.Where(p => !plan.Missing.Contains(p)))
        {
            wanted.Add((party, NominationRole.FocalPoint, NominationScopeKind.OwnReview));
            wanted.Add((party, NominationRole.FocalPoint, NominationScopeKind.AsReviewer));
        }
        var written = reviews.Where(r => plan.Targets[r.Id] >= ReviewStage.WrittenFeedback).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        wanted.AddRange(written.Select(r => (r.PartyUnderReview, NominationRole.GovernmentalExpert, NominationScopeKind.OwnReview)));
        wanted.AddRange(written.Where(r => plan.Targets[r.Id] == ReviewStage.ListOfObservationsAndSummary)
            .SelectMany(r => October2023Plan.Places(r).Where(p => p != r.PartyUnderReview))
            .Distinct()
            .Select(p => (p, NominationRole.GovernmentalExpert, NominationScopeKind.AsReviewer)));
        for (var i = 0; wanted.Count < Total; i++)
        {
            wanted.Add((parties[i % parties.Count], NominationRole.GovernmentalExpert, NominationScopeKind.OwnReview));
        }
        return wanted.Select((w, n) => new NominateRequest
        {
            Party = w.Party,
            Role = w.Role,
            Scope = new NominationScope { Kind = w.Scope },
            Person = new PersonDetails
            {
                FullName = $"{(w.Role == NominationRole.FocalPoint ? "Focal point" : "Expert")} {n:0000} of {w.Party}",
                Title = n < 439 ? "Ms." : "Mr.",
                Gender = n < 439 ? Gender.Female : n < 439 + 729 ? Gender.Male : Gender.NotInformed,
                Email = $"person{n:0000}.{w.Party}@example.org".ToLowerInvariant(),
                Affiliation = "Ministry of Justice",
            },
        }).ToList();
    }
}
