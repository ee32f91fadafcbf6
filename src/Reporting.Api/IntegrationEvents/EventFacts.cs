using Google.Protobuf.WellKnownTypes;
using Reporting.Api.Data.Projections;
using Reporting.Api.Domain.FocalPoints;
using Reporting.Api.Domain.Reviews;
using ReviewMechanism.Events.V1;

namespace Reporting.Api.IntegrationEvents;

/// <summary>The facts the read models keep, read from the other services' integration events.</summary>
public static class EventFacts
{
    public static OpenedReview Opened(CountryReviewOpened e) => new(
        Id(e.CountryReviewId), Party(e.PartyUnderReview), e.GroupNumber, e.Phase, e.Cluster,
        DateOnly.FromDateTime(At(e.StartDate).UtcDateTime), At(e.OpenedAt), Places(e.Parties));

    public static IReadOnlyList<(string Party, string Role)> Places(IEnumerable<ReviewPartyEntry> parties) =>
        [.. parties.Select(p => (Party(p.Party), p.Role.Trim().ToUpperInvariant()))];

    /// <summary>Null when a stage name is unknown to this version (the event is then ignored).</summary>
    public static StageChange? StageChanged(CountryReviewStageChanged e) =>
        Stages.Parse(e.ToStage) is { } to
            ? new StageChange(Id(e.CountryReviewId), At(e.ChangedAt), (int)(Stages.Parse(e.FromStage) ?? to - 1), (int)to)
            : null;

    public static AgreedLanguages Languages(WorkingLanguagesAgreed e) => new(
        Id(e.CountryReviewId), [.. e.Languages.Select(l => l.Trim().ToLowerInvariant())], e.Exceptional, At(e.AgreedAt));

    public static ReceivedNomination Nominated(PersonNominated e) => new(
        e.NominationId, Party(e.Party), Role(e.Role), (int)Scope(e.Scope), ScopeReview(e.Scope), e.PersonId, Gender(e.Gender), At(e.EffectiveFrom));

    public static EndedNomination Replaced(FocalPointReplaced e) => new(
        e.PredecessorNominationId, Party(e.Party), "FOCAL_POINT", (int)Scope(e.Scope), ScopeReview(e.Scope), e.PredecessorPersonId, At(e.EffectiveFrom), "SUBSTITUTED");

    public static EndedNomination Withdrawn(NominationWithdrawn e) => new(
        e.NominationId, Party(e.Party), Role(e.Role), (int)Scope(e.Scope), ScopeReview(e.Scope), e.PersonId, At(e.EffectiveFrom), "WITHDRAWN");

    public static string Role(NominationRole role) => role switch
    {
        NominationRole.FocalPoint => "FOCAL_POINT",
        NominationRole.GovernmentalExpert => "GOVERNMENTAL_EXPERT",
        NominationRole.Observer => "OBSERVER",
        _ => "UNSPECIFIED",
    };

    /// <summary>female, male or not_informed (anything else, or nothing, is "not informed").</summary>
    public static string Gender(string gender) => gender.Trim().ToLowerInvariant() switch
    {
        "female" => "female",
        "male" => "male",
        _ => "not_informed",
    };

    public static ScopeKind Scope(NominationScope? scope) => scope?.Kind switch
    {
        NominationScopeKind.AsReviewer => ScopeKind.AsReviewer,
        NominationScopeKind.SpecificReview => ScopeKind.SpecificReview,
        _ => ScopeKind.OwnReview,
    };

    private static string? ScopeReview(NominationScope? scope) =>
        scope?.Kind == NominationScopeKind.SpecificReview && scope.CountryReviewId.Length > 0 ? Id(scope.CountryReviewId) : null;

    public static string Id(string id) => id.Trim().ToUpperInvariant();

    public static string Party(string iso3) => iso3.Trim().ToUpperInvariant();

    public static DateTimeOffset At(Timestamp? at) => at?.ToDateTimeOffset() ?? DateTimeOffset.UnixEpoch;
}
