using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Nominations.Api.Domain;
using Nominations.Api.Application.Workflow;
using ReviewMechanism.ServiceDefaults.Authorization;
using V1 = ReviewMechanism.Nominations.V1;

namespace Nominations.Api.Grpc;

/// <summary>
/// The NominationsService RPCs: map requests to use cases and results to responses. Roles are checked by the
/// attributes; the party a focal point acts for, and the visibility of contact details, by the domain
/// (<see cref="CallerPermissions"/>). Refusals are DomainExceptions, sent as statuses by the shared error interceptor.
/// </summary>
public sealed class NominationsGrpcService(NominationWorkflow workflow, NominationQueries queries) : V1.NominationsService.NominationsServiceBase
{
    [Authorize(Roles = MechanismRoles.SecretariatOrFocalPoint)]
    public override async Task<V1.NominateResponse> Nominate(V1.NominateRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        var outcome = await workflow.NominateAsync(caller, RequestMapper.Nominate(request), ct);
        var response = new V1.NominateResponse { Nomination = ProtoMapper.Nomination(outcome.Nomination, caller) };
        if (outcome.Handover is { } handover)
        {
            response.Handover = ProtoMapper.Handover(handover);
        }
        return response;
    }

    [Authorize(Roles = MechanismRoles.SecretariatOrFocalPoint)]
    public override async Task<V1.SubstituteFocalPointResponse> SubstituteFocalPoint(V1.SubstituteFocalPointRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        var outcome = await workflow.SubstituteFocalPointAsync(caller, RequestMapper.Substitute(request), ct);
        return new V1.SubstituteFocalPointResponse
        {
            Predecessor = ProtoMapper.Nomination(outcome.Predecessor, caller),
            Successor = ProtoMapper.Nomination(outcome.Successor, caller),
            Handover = ProtoMapper.Handover(outcome.Handover),
        };
    }

    [Authorize(Roles = MechanismRoles.SecretariatOrFocalPoint)]
    public override async Task<V1.WithdrawNominationResponse> WithdrawNomination(V1.WithdrawNominationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        var outcome = await workflow.WithdrawAsync(caller, RequestMapper.Withdraw(request), ct);
        var response = new V1.WithdrawNominationResponse { Nomination = ProtoMapper.Nomination(outcome.Nomination, caller) };
        response.ReleasedTasks.Add(outcome.ReleasedTasks.Select(ProtoMapper.Task));
        return response;
    }

    [Authorize(Roles = MechanismRoles.RegisteredUsers)]
    public override async Task<V1.GetNominationResponse> GetNomination(V1.GetNominationRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        var details = await queries.GetNominationAsync(request.Party, request.NominationId, ct);
        var response = new V1.GetNominationResponse { Nomination = ProtoMapper.Nomination(details.Nomination, caller) };
        response.Handovers.Add(details.Handovers.Select(ProtoMapper.Handover));
        response.OpenTasks.Add(details.OpenTasks.Select(ProtoMapper.Task));
        return response;
    }

    [Authorize(Roles = MechanismRoles.RegisteredUsers)]
    public override async Task<V1.ListNominationsResponse> ListNominations(V1.ListNominationsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        var role = RequestMapper.RoleFilter(request.Role, "role");
        var list = await queries.ListNominationsAsync(request.Party, role, request.IncludeEnded, ct);
        var response = new V1.ListNominationsResponse();
        response.Nominations.Add(list.Nominations.Select(n => ProtoMapper.Nomination(n, caller)));
        response.Handovers.Add(list.Handovers.Select(ProtoMapper.Handover));
        return response;
    }

    [AllowAnonymous]
    public override async Task<V1.CountryProfile> GetCountryProfile(V1.GetCountryProfileRequest request, ServerCallContext context) =>
        ProtoMapper.CountryProfile(await queries.GetCountryProfileAsync(context.GetCaller(), request.Party, context.CancellationToken));

    [Authorize(Roles = MechanismRoles.RegisteredUsers)]
    public override async Task<V1.ListMissingNominationsResponse> ListMissingNominations(V1.ListMissingNominationsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var role = RequestMapper.RoleFilter(request.Role, "role");
        var (asOf, missing) = await queries.ListMissingAsync(request.Party, request.CountryReviewId, role, request.OverdueOnly, ct);
        var response = new V1.ListMissingNominationsResponse { AsOf = Timestamp.FromDateTimeOffset(asOf) };
        response.Missing.Add(missing.Select(ProtoMapper.Missing));
        return response;
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<V1.NominationStatistics> GetNominationStatistics(V1.GetNominationStatisticsRequest request, ServerCallContext context) =>
        ProtoMapper.Statistics(await queries.GetStatisticsAsync(context.CancellationToken));

    [Authorize(Roles = MechanismRoles.SecretariatOrFocalPoint)]
    public override async Task<V1.NominationTask> AssignTask(V1.AssignTaskRequest request, ServerCallContext context) =>
        ProtoMapper.Task(await workflow.AssignTaskAsync(context.GetCaller(), RequestMapper.AssignTask(request), context.CancellationToken));

    [Authorize(Roles = MechanismRoles.SecretariatFocalPointOrExpert)]
    public override async Task<V1.NominationTask> CompleteTask(V1.CompleteTaskRequest request, ServerCallContext context) =>
        ProtoMapper.Task(await workflow.CompleteTaskAsync(context.GetCaller(), RequestMapper.CompleteTask(request), context.CancellationToken));

    [Authorize(Roles = MechanismRoles.RegisteredUsers)]
    public override async Task<V1.ListOpenTasksResponse> ListOpenTasks(V1.ListOpenTasksRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ct = context.CancellationToken;
        var response = new V1.ListOpenTasksResponse();
        response.Tasks.Add((await queries.ListOpenTasksAsync(caller, request.Party, request.NominationId, ct)).Select(ProtoMapper.Task));
        return response;
    }
}
