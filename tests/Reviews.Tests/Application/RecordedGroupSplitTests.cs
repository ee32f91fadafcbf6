using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Reviews.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using Reviews.Api.Application.Drawing;
using Reviews.Api.Domain.Drawing;
using Reviews.Tests.Support;
using DomainDrawKind = Reviews.Api.Domain.Drawing.DrawKind;

namespace Reviews.Tests.Application;

/// <summary>The split drawn by lot at a session, recorded as given (<see cref="DrawingWorkflow.RecordGroupSplitAsync"/>).</summary>
[Collection(PostgresCollection.Name)]
public class RecordedGroupSplitTests(PostgresFixture postgres)
{
    private static readonly DateOnly Session = new(2020, 10, 16);
    private static readonly Caller Secretariat = new("secretariat-1", "", new HashSet<string> { MechanismRoles.Secretariat }, new HashSet<string>());

    [Fact]
    public async Task TheSecretariatRecordsTheSplitDrawnAtTheSessionWithGroupsOf62And63And64()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        var groups = await SessionGroupsAsync(h);

        var recorded = await h.Draws().RecordGroupSplitAsync(Secretariat, Command(groups), default);

        Assert.Equal([62, 63, 64], recorded.Groups.Select(g => g.Parties.Count));
        Assert.Equal(groups[2].Order(StringComparer.Ordinal), recorded.Groups[2].Parties);
        Assert.Equal([new DateOnly(2020, 12, 1), new DateOnly(2021, 11, 1), new DateOnly(2022, 11, 1)], recorded.Groups.Select(g => g.StartDate));
        Assert.Equal(DomainDrawKind.RecordedGroupSplit, recorded.Draw.Kind);
        Assert.Equal("CTOC/COP/2020/10, para. 12", recorded.Draw.Reason);
        Assert.Equal("secretariat-1", recorded.Draw.RequestedBy);
        Assert.Contains("62, 63, 64", Assert.Single(recorded.Draw.Constraints));

        // Stored as given, and the groups' reviewers are drawn as after a split drawn here.
        var listed = await h.Service().ListGroups(new ListGroupsRequest(), TestCallContext.Anonymous());
        Assert.Equal([62, 63, 64], listed.Groups.Select(g => g.PartiesUnderReview.Count));
        var draw = await h.Service().GetDraw(new GetDrawRequest { DrawId = recorded.Draw.Id.ToString() }, TestCallContext.Secretariat());
        Assert.Equal(ReviewMechanism.Reviews.V1.DrawKind.RecordedGroupSplit, draw.Kind);
        Assert.Equal([62, 63, 64], draw.Groups.Select(g => g.Parties.Count));
        var drawn = await h.Draws().DrawPairingsAsync(Secretariat, new DrawPairingsCommand(3, Session, 3), default);
        Assert.Equal(64, drawn.CountryReviewIds.Count);
    }

    [Fact]
    public async Task ARecordedSplitIsRefusedOnceGroupsExistAndStoresNothing()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        var groups = await SessionGroupsAsync(h);
        await h.Draws().SplitIntoGroupsAsync(Secretariat, new SplitIntoGroupsCommand([], Session, new DateOnly(2020, 12, 1), [], 7), default);

        var error = await Rpc.FailsWith(StatusCode.AlreadyExists, () => h.Service().RecordGroupSplit(Request(groups), TestCallContext.Secretariat()));

        Assert.Contains("already split", error.Status.Detail);
        await using var db = h.Db();
        Assert.Equal(1, await db.Draws.CountAsync());
        Assert.Equal([64, 63, 63], (await db.Groups.OrderBy(g => g.Number).ToListAsync()).Select(g => g.Parties.Count));
    }

    [Fact]
    public async Task ASplitThatListsAPartyTwiceOrANonPartyIsRefusedWithAViolationPerFieldAndStoresNothing()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        var groups = await SessionGroupsAsync(h);
        var request = Request(groups);
        request.Groups[1].Parties.Add(groups[0][5]);          // in group 1 already
        request.Groups[2].Parties.Add("BTN");                  // party only from 2023
        request.Groups[2].Parties.Add("QQQ");                  // not a recorded party
        request.Groups[2].Parties.Add("germany");              // not a code
        request.Reference = " ";

        var error = await Rpc.FailsWith(StatusCode.InvalidArgument, () => h.Service().RecordGroupSplit(request, TestCallContext.Secretariat()));

        var violations = error.BadRequest().FieldViolations.ToDictionary(v => v.Field, v => v.Description);
        Assert.Contains("already in group 1", violations["groups[1].parties[63]"]);
        Assert.Contains("not party to the Convention on 2020-10-16", violations["groups[2].parties[64]"]);
        Assert.Contains("No party QQQ", violations["groups[2].parties[65]"]);
        Assert.Contains("not a party code", violations["groups[2].parties[66]"]);
        Assert.Contains("document or decision", violations["reference"]);
        Assert.Equal(5, violations.Count);

        var twoGroups = Request(groups);
        twoGroups.Groups.RemoveAt(2);
        var count = await Rpc.FailsWith(StatusCode.InvalidArgument, () => h.Service().RecordGroupSplit(twoGroups, TestCallContext.Secretariat()));
        Assert.Equal("groups", Assert.Single(count.BadRequest().FieldViolations).Field);

        var many = Request(groups);
        many.Groups[0].Parties.AddRange(Enumerable.Range(0, 30).Select(i => $"Q{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}"));
        var capped = await Rpc.FailsWith(StatusCode.InvalidArgument, () => h.Service().RecordGroupSplit(many, TestCallContext.Secretariat()));
        Assert.Equal(RecordedSplit.MostReported + 1, capped.BadRequest().FieldViolations.Count);
        Assert.Contains("10 more listed parties", capped.BadRequest().FieldViolations[^1].Description);

        await using var db = h.Db();
        Assert.Equal(0, await db.Groups.CountAsync());
        Assert.Equal(0, await db.Draws.CountAsync());
    }

    /// <summary>189 parties to the Convention on the day of the session, in three groups of 62, 63 and 64 (ISO3 order).</summary>
    private static async Task<List<List<string>>> SessionGroupsAsync(ServiceHarness h)
    {
        await using var db = h.Db();
        var parties = await db.Parties.AsNoTracking().ToListAsync();
        var eligible = DrawingOfLots.CandidatesAsOf(parties, Session).Select(c => c.Iso3).Take(189).ToList();
        return [eligible[..62], eligible[62..125], eligible[125..]];
    }

    private static RecordGroupSplitCommand Command(List<List<string>> groups) =>
        new([.. groups], Session, null, [new DateOnly(2020, 12, 1), new DateOnly(2021, 11, 1), new DateOnly(2022, 11, 1)], "CTOC/COP/2020/10, para. 12");

    private static RecordGroupSplitRequest Request(List<List<string>> groups)
    {
        var request = new RecordGroupSplitRequest
        {
            AsOf = new Date { Year = 2020, Month = 10, Day = 16 }, FirstGroupStart = new Date { Year = 2020, Month = 12, Day = 1 }, Reference = "CTOC/COP/2020/10, para. 12",
        };
        foreach (var group in groups)
        {
            var members = new GroupMembers();
            members.Parties.AddRange(group);
            request.Groups.Add(members);
        }
        return request;
    }
}
