using Documents.Api.Data;
using Documents.Api.Domain.Reviews;
using Documents.Api.IntegrationEvents;
using Documents.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Messaging.Inbox;

namespace Documents.Tests.IntegrationEvents;

[Collection(PostgresCollection.Name)]
public class ReadModelProjectionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ARedrawReplacesTheReviewersAndTheStageFollowsReviews()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.OpenReviewAsync("aut-c1", "AUT", "DEU", "BRA");
        var changed = new CountryReviewPartiesChanged { CountryReviewId = "AUT-C1", ChangedAt = Timestamp.FromDateTimeOffset(h.Clock.GetUtcNow()) };
        changed.Parties.Add(new ReviewPartyEntry { Party = "AUT", Role = "PARTY_UNDER_REVIEW" });
        changed.Parties.Add(new ReviewPartyEntry { Party = "DEU", Role = "SAME_REGION_REVIEWER" });
        changed.Parties.Add(new ReviewPartyEntry { Party = "NGA", Role = "OTHER_REGION_REVIEWER" });

        await h.ProjectAsync(p => p.ApplyAsync(changed, default));
        await h.MoveReviewAsync("AUT-C1", "SELF_ASSESSMENT_QUESTIONNAIRE");

        var review = await h.DbAsync(db => db.Reviews.SingleAsync());
        Assert.Equal(("AUT-C1", "SELF_ASSESSMENT_QUESTIONNAIRE"), (review.Id, review.Stage));
        Assert.Equal(["DEU", "NGA"], review.Reviewers);
    }

    [Fact]
    public async Task AReplacedFocalPointLosesItsPlaceToTheSuccessorAndAWithdrawnExpertEnds()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        await h.NominateAsync("fp-old", "AUT", NominationRole.FocalPoint);
        await h.NominateAsync("e-1", "AUT", NominationRole.GovernmentalExpert);
        var old = await h.DbAsync(db => db.Nominations.SingleAsync(n => n.PersonId == "fp-old"));
        var expert = await h.DbAsync(db => db.Nominations.SingleAsync(n => n.PersonId == "e-1"));

        await h.ProjectAsync(p => p.ApplyAsync(new FocalPointReplaced
        {
            Party = "AUT", PredecessorNominationId = old.NominationId, SuccessorNominationId = "n-new", SuccessorPersonId = "fp-new",
            Scope = new NominationScope { Kind = ReviewMechanism.Events.V1.NominationScopeKind.OwnReview }, EffectiveFrom = Timestamp.FromDateTimeOffset(h.Clock.GetUtcNow()),
        }, default));
        await h.ProjectAsync(p => p.ApplyAsync(new NominationWithdrawn { NominationId = expert.NominationId, EffectiveFrom = Timestamp.FromDateTimeOffset(h.Clock.GetUtcNow()) }, default));

        var active = await h.DbAsync(db => db.Nominations.Where(n => n.EndedAt == null).Select(n => n.PersonId).ToListAsync());
        Assert.Equal(["fp-new"], active);
        Assert.Equal(PersonRole.FocalPoint, (await h.DbAsync(db => db.Nominations.SingleAsync(n => n.PersonId == "fp-new"))).Role);
    }

    [Fact]
    public async Task ARedeliveredEventIsAppliedOnceThroughTheInbox()
    {
        await using var h = await DocumentsHarness.CreateAsync(postgres);
        var messageId = Guid.NewGuid();
        var nominated = new PersonNominated { NominationId = "n-1", PersonId = "e-1", Party = "AUT", Role = NominationRole.GovernmentalExpert, Scope = new NominationScope() };

        var applied = new List<bool>();
        for (var i = 0; i < 2; i++)
        {
            applied.Add(await h.InScopeAsync(services => services.GetRequiredService<DocumentsDbContext>().ApplyOnceAsync(
                messageId, "documents.PersonNominated", PersonNominated.Descriptor.FullName, ct => services.GetRequiredService<ReadModelProjection>().ApplyAsync(nominated, ct))));
        }

        Assert.Equal([true, false], applied);
        Assert.Equal(1, await h.DbAsync(db => db.Nominations.CountAsync()));
    }
}
