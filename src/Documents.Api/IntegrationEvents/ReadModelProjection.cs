using Documents.Api.Data;
using Documents.Api.Domain.Reviews;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Events.V1;

namespace Documents.Api.IntegrationEvents;

/// <summary>
/// Keeps the read model of who is in which review (Reviews' events) and who is nominated for what (Nominations'
/// events). Chosen over calling Reviews' gRPC on every access check: the policy is asked on every call and for every
/// document of a list, and must answer while Reviews is down; events arrive within moments through the outbox.
/// Each method changes tracked entities only; the inbox saves them with its row, once per message.
/// </summary>
public sealed class ReadModelProjection(DocumentsDbContext db, TimeProvider time, ILogger<ReadModelProjection> logger)
{
    public async Task ApplyAsync(CountryReviewOpened message, CancellationToken ct)
    {
        var id = message.CountryReviewId.Trim().ToUpperInvariant();
        var reviewers = Reviewers(message.Parties, message.PartyUnderReview);
        var existing = await db.Reviews.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (existing is null)
        {
            db.Reviews.Add(new ReviewRecord(id, message.PartyUnderReview.ToUpperInvariant(), reviewers, message.GroupNumber, message.Phase, message.Cluster, At(message.OpenedAt)));
        }
        else
        {
            existing.ChangeReviewers(reviewers, At(message.OpenedAt));
        }
    }

    public async Task ApplyAsync(CountryReviewPartiesChanged message, CancellationToken ct)
    {
        var review = await ReviewAsync(message.CountryReviewId, ct);
        review?.ChangeReviewers(Reviewers(message.Parties, review.PartyUnderReview), At(message.ChangedAt));
    }

    public async Task ApplyAsync(CountryReviewStageChanged message, CancellationToken ct)
    {
        var review = await ReviewAsync(message.CountryReviewId, ct);
        review?.MoveTo(message.ToStage, At(message.ChangedAt));
    }

    public async Task ApplyAsync(PersonNominated message, CancellationToken ct)
    {
        if (await db.Nominations.AnyAsync(n => n.NominationId == message.NominationId, ct) || Role(message.Role) is not { } role || string.IsNullOrWhiteSpace(message.PersonId))
        {
            return;
        }
        db.Nominations.Add(new NominationRecord(message.NominationId, message.PersonId, message.Party.ToUpperInvariant(), role, Scope(message.Scope), message.Scope?.CountryReviewId?.ToUpperInvariant() ?? "", At(message.EffectiveFrom)));
    }

    public async Task ApplyAsync(FocalPointReplaced message, CancellationToken ct)
    {
        var predecessor = await db.Nominations.SingleOrDefaultAsync(n => n.NominationId == message.PredecessorNominationId, ct);
        predecessor?.End(At(message.EffectiveFrom));
        if (!string.IsNullOrWhiteSpace(message.SuccessorPersonId) && !await db.Nominations.AnyAsync(n => n.NominationId == message.SuccessorNominationId, ct))
        {
            db.Nominations.Add(new NominationRecord(message.SuccessorNominationId, message.SuccessorPersonId, message.Party.ToUpperInvariant(), PersonRole.FocalPoint, Scope(message.Scope), message.Scope?.CountryReviewId?.ToUpperInvariant() ?? "", At(message.EffectiveFrom)));
        }
    }

    public async Task ApplyAsync(NominationWithdrawn message, CancellationToken ct)
    {
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.NominationId == message.NominationId, ct);
        nomination?.End(At(message.EffectiveFrom));
    }

    private async Task<ReviewRecord?> ReviewAsync(string countryReviewId, CancellationToken ct)
    {
        var id = countryReviewId.Trim().ToUpperInvariant();
        var review = await db.Reviews.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            logger.LogWarning("An event names country review {Review}, which Documents has not seen opened; ignored.", id);
        }
        return review;
    }

    private static IEnumerable<string> Reviewers(IEnumerable<ReviewPartyEntry> parties, string partyUnderReview) =>
        parties.Where(p => p.Role != "PARTY_UNDER_REVIEW" && !p.Party.Equals(partyUnderReview, StringComparison.OrdinalIgnoreCase)).Select(p => p.Party.ToUpperInvariant());

    private static PersonRole? Role(NominationRole role) => role switch
    {
        NominationRole.FocalPoint => PersonRole.FocalPoint,
        NominationRole.GovernmentalExpert => PersonRole.GovernmentalExpert,
        NominationRole.Observer => PersonRole.Observer,
        _ => null,
    };

    private static Domain.Reviews.NominationScopeKind Scope(NominationScope? scope) => scope?.Kind switch
    {
        ReviewMechanism.Events.V1.NominationScopeKind.AsReviewer => Domain.Reviews.NominationScopeKind.AsReviewer,
        ReviewMechanism.Events.V1.NominationScopeKind.SpecificReview => Domain.Reviews.NominationScopeKind.SpecificReview,
        _ => Domain.Reviews.NominationScopeKind.OwnReview,
    };

    private DateTimeOffset At(Timestamp? timestamp) => timestamp is null ? time.GetUtcNow() : timestamp.ToDateTimeOffset();
}
