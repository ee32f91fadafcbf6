using System.Reflection;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Nominations.Api.Domain;
using Nominations.Api.Grpc;
using Nominations.Tests.Support;
using ReviewMechanism.ServiceDefaults.Errors;
using Ev = ReviewMechanism.Events.V1;
using V1 = ReviewMechanism.Nominations.V1;

namespace Nominations.Tests;

public class GrpcServiceTests
{
    private readonly Mechanism _m = new();

    private static V1.NominateRequest FocalPoint(string party, string name, string email, Ev.NominationScopeKind kind = Ev.NominationScopeKind.OwnReview, string reviewId = "") => new()
    {
        Party = party,
        Role = Ev.NominationRole.FocalPoint,
        Scope = new Ev.NominationScope { Kind = kind, CountryReviewId = reviewId },
        Person = new V1.PersonDetails { FullName = name, Title = "Ms.", Gender = V1.Gender.Female, Email = email, Phone = "+33 1 00 00 00 00", Affiliation = "Ministère de la Justice" },
    };

    private Task<V1.NominateResponse> NominateAsync(V1.NominateRequest request, System.Security.Claims.ClaimsPrincipal? user = null) =>
        _m.Service.Nominate(request, new TestServerCallContext(user ?? Users.Secretariat));

    private static T Detail<T>(RpcException error) where T : class, IMessage<T>, new()
    {
        var status = error.GetRpcStatus()!;
        Assert.Equal((int)error.StatusCode, status.Code);
        return status.GetDetail<T>()!;
    }

    [Fact]
    public async Task ASecondActiveFocalPointIsAnsweredWithAlreadyExists()
    {
        await NominateAsync(FocalPoint("FRA", "Claire Martin", "claire.martin@justice.gouv.fr"));

        var error = await Rpc.FailsAsync(() => NominateAsync(FocalPoint("FRA", "Paul Durand", "paul.durand@justice.gouv.fr")));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Contains("already has an active focal point for its own review: Claire Martin", error.Status.Detail);
        Assert.Equal("FOCAL_POINT_ALREADY_ACTIVE", Detail<Google.Rpc.ErrorInfo>(error).Reason);
    }

    [Fact]
    public async Task ABadEMailIsAnsweredWithInvalidArgumentAndAFieldViolation()
    {
        var error = await Rpc.FailsAsync(() => NominateAsync(FocalPoint("FRA", "Claire", "claire.martin at justice.gouv.fr")));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("person.email", error.Status.Detail);
        var violation = Assert.Single(Detail<Google.Rpc.BadRequest>(error).FieldViolations);
        Assert.Equal("person.email", violation.Field);
        Assert.Null(_m.Repository.Get("FRA"));
    }

    [Fact]
    public async Task APartyNotInTheReviewIsAnsweredWithFailedPrecondition()
    {
        var error = await Rpc.FailsAsync(() =>
            NominateAsync(FocalPoint("NZL", "Aroha", "aroha@justice.govt.nz", Ev.NominationScopeKind.SpecificReview, "R-KEN")));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var violation = Assert.Single(Detail<Google.Rpc.PreconditionFailure>(error).Violations);
        Assert.Equal(("PARTY_NOT_IN_REVIEW", "review/R-KEN"), (violation.Type, violation.Subject));
    }

    [Fact]
    public async Task AnUnknownPartyIsAnsweredWithNotFound()
    {
        var error = await Rpc.FailsAsync(() => NominateAsync(FocalPoint("ATL", "Nobody", "nobody@atlantis.example")));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("ATL is not a party", error.Status.Detail);
    }

    [Fact]
    public async Task AFocalPointOfAnotherPartyIsAnsweredWithPermissionDenied()
    {
        var error = await Rpc.FailsAsync(() => NominateAsync(FocalPoint("FRA", "Claire", "claire@justice.gouv.fr"), Users.FocalPointOf("KEN")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task SubstitutionReturnsTheHandoverWithTheOpenTasks()
    {
        var fp = (await NominateAsync(FocalPoint("FRA", "Claire Martin", "claire.martin@justice.gouv.fr"))).Nomination;
        var ctx = new TestServerCallContext(Users.FocalPointOf("FRA"));
        var task = await _m.Service.AssignTask(new V1.AssignTaskRequest { Party = "FRA", NominationId = fp.NominationId, Title = "Clear the SAQ answers", CountryReviewId = "R-FRA" }, ctx);
        _m.Clock.Advance(TimeSpan.FromDays(30));

        var response = await _m.Service.SubstituteFocalPoint(new V1.SubstituteFocalPointRequest
        {
            Party = "FRA",
            NominationId = fp.NominationId,
            Reason = "Appointed ambassador",
            Successor = new V1.PersonDetails { FullName = "Paul Durand", Gender = V1.Gender.Male, Email = "paul.durand@justice.gouv.fr" },
        }, ctx);

        Assert.Equal(V1.NominationStatus.Substituted, response.Predecessor.Status);
        Assert.Equal(response.Successor.NominationId, response.Predecessor.SuccessorNominationId);
        Assert.NotNull(response.Predecessor.EffectiveUntil);
        Assert.Equal(V1.NominationStatus.Active, response.Successor.Status);
        Assert.Equal(("Appointed ambassador", fp.NominationId, response.Successor.NominationId), (response.Handover.Reason, response.Handover.FromNominationId, response.Handover.ToNominationId));
        Assert.Equal(task.TaskId, Assert.Single(response.Handover.Items).TaskId);

        var open = await _m.Service.ListOpenTasks(new V1.ListOpenTasksRequest { Party = "FRA", NominationId = response.Successor.NominationId }, ctx);
        Assert.Equal(task.TaskId, Assert.Single(open.Tasks).TaskId);
        var details = await _m.Service.GetNomination(new V1.GetNominationRequest { Party = "FRA", NominationId = fp.NominationId }, ctx);
        Assert.Equal(response.Handover.HandoverId, Assert.Single(details.Handovers).HandoverId);
        Assert.Empty(details.OpenTasks);
    }

    [Fact]
    public async Task TheCountryProfileIsPublicButContactDetailsAreNot()
    {
        await NominateAsync(FocalPoint("FRA", "Claire Martin", "claire.martin@justice.gouv.fr"));

        var anonymous = await _m.Service.GetCountryProfile(new V1.GetCountryProfileRequest { Party = "fra" }, new TestServerCallContext(Users.Anonymous));
        var registered = await _m.Service.GetCountryProfile(new V1.GetCountryProfileRequest { Party = "FRA" }, new TestServerCallContext(Users.FocalPointOf("KEN")));

        var publicView = Assert.Single(anonymous.FocalPoints);
        Assert.Equal(("France", "Claire Martin", "Ms.", "Ministère de la Justice", "FRA"), (anonymous.PartyName, publicView.FullName, publicView.Title, publicView.Affiliation, publicView.Party));
        Assert.Null(publicView.Contact);
        Assert.DoesNotContain("claire.martin@", anonymous.ToString());
        Assert.Equal("claire.martin@justice.gouv.fr", Assert.Single(registered.FocalPoints).Contact.Email);
    }

    [Fact]
    public async Task TheHistoryListsEndedNominationsOnRequest()
    {
        var fp = (await NominateAsync(FocalPoint("FRA", "Claire Martin", "claire.martin@justice.gouv.fr"))).Nomination;
        var ctx = new TestServerCallContext(Users.Secretariat);
        await _m.Service.WithdrawNomination(new V1.WithdrawNominationRequest { Party = "FRA", NominationId = fp.NominationId, Reason = "Left the ministry" }, ctx);

        var active = await _m.Service.ListNominations(new V1.ListNominationsRequest { Party = "FRA" }, ctx);
        var history = await _m.Service.ListNominations(new V1.ListNominationsRequest { Party = "FRA", IncludeEnded = true }, ctx);

        Assert.Empty(active.Nominations);
        var ended = Assert.Single(history.Nominations);
        Assert.Equal((V1.NominationStatus.Withdrawn, "Left the ministry", "secretariat-1"), (ended.Status, ended.EndReason, ended.EndedBy));
    }

    [Fact]
    public async Task TheMissingReportCountsDaysFromTheMovedClock()
    {
        _m.Clock.Advance(Mechanism.Start - _m.Clock.GetUtcNow() + TimeSpan.FromDays(16));

        var report = await _m.Service.ListMissingNominations(
            new V1.ListMissingNominationsRequest { Party = "KEN", Role = Ev.NominationRole.FocalPoint, OverdueOnly = true }, new TestServerCallContext(Users.Secretariat));

        var item = Assert.Single(report.Missing);
        Assert.Equal(("R-KEN", V1.Participation.UnderReview, 16, 2), (item.CountryReviewId, item.Participation, item.DaysMissing, item.DaysOverdue));
        Assert.Equal(_m.Clock.GetUtcNow(), report.AsOf.ToDateTimeOffset());
    }

    [Fact]
    public async Task StatisticsCountActiveNominationsByRoleAndGender()
    {
        var fp = (await NominateAsync(FocalPoint("FRA", "Claire Martin", "claire.martin@justice.gouv.fr"))).Nomination;
        await NominateAsync(FocalPoint("KEN", "Amina", "amina@ke.example"));
        var ctx = new TestServerCallContext(Users.Secretariat);
        await _m.Service.SubstituteFocalPoint(new V1.SubstituteFocalPointRequest
        {
            Party = "FRA", NominationId = fp.NominationId, Reason = "Retired",
            Successor = new V1.PersonDetails { FullName = "Paul", Gender = V1.Gender.Male, Email = "paul@justice.gouv.fr" },
        }, ctx);
        await _m.Service.Nominate(new V1.NominateRequest
        {
            Party = "KEN", Role = Ev.NominationRole.GovernmentalExpert, Scope = new Ev.NominationScope { Kind = Ev.NominationScopeKind.OwnReview },
            Person = new V1.PersonDetails { FullName = "E", Email = "e@ke.example" },
        }, ctx);

        var stats = await _m.Service.GetNominationStatistics(new V1.GetNominationStatisticsRequest(), ctx);

        Assert.Equal(
            new[] { "FocalPoint Female 1", "FocalPoint Male 1", "GovernmentalExpert NotInformed 1" },
            stats.ByRoleAndGender.Select(c => $"{c.Role} {c.Gender} {c.Count}"));
        Assert.Equal((2, 1, 1), (stats.PartiesWithFocalPoint, stats.PartiesThatChangedFocalPoint, stats.FocalPointSubstitutions));
    }

    [Fact]
    public async Task AnUnknownRoleValueIsRefused()
    {
        var error = await Rpc.FailsAsync(() => _m.Service.ListNominations(
            new V1.ListNominationsRequest { Party = "FRA", Role = (Ev.NominationRole)42 }, new TestServerCallContext(Users.Secretariat)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("role", Assert.Single(Detail<Google.Rpc.BadRequest>(error).FieldViolations).Field);
    }

    public static TheoryData<string, string?> WhoMayCall => new()
    {
        { "Nominate", "Secretariat,FocalPoint" },
        { "SubstituteFocalPoint", "Secretariat,FocalPoint" },
        { "WithdrawNomination", "Secretariat,FocalPoint" },
        { "GetNomination", "Secretariat,FocalPoint,GovernmentalExpert,Observer" },
        { "ListNominations", "Secretariat,FocalPoint,GovernmentalExpert,Observer" },
        { "GetCountryProfile", null },
        { "ListMissingNominations", "Secretariat,FocalPoint,GovernmentalExpert,Observer" },
        { "GetNominationStatistics", "Secretariat" },
        { "AssignTask", "Secretariat,FocalPoint" },
        { "CompleteTask", "Secretariat,FocalPoint,GovernmentalExpert" },
        { "ListOpenTasks", "Secretariat,FocalPoint,GovernmentalExpert,Observer" },
    };

    [Theory]
    [MemberData(nameof(WhoMayCall))]
    public void EveryRpcDeclaresWhoMayCallIt(string rpc, string? roles)
    {
        var method = typeof(NominationsGrpcService).GetMethod(rpc)!;
        var authorize = method.GetCustomAttribute<AuthorizeAttribute>();
        var anonymous = method.GetCustomAttribute<AllowAnonymousAttribute>();

        if (roles is null)
        {
            Assert.NotNull(anonymous);
            Assert.Null(authorize);
        }
        else
        {
            Assert.Null(anonymous);
            Assert.Equal(roles, authorize?.Roles);
        }
    }

    [Fact]
    public void TheTableAboveCoversEveryRpcOfTheContract()
    {
        var rpcs = V1.NominationsService.Descriptor.Methods.Select(m => m.Name).Order();

        Assert.Equal(rpcs, WhoMayCall.Select(row => (string)row[0]).Order());
    }
}
