using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Authorization;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Workflow;
using ReviewMechanism.Grpc;
using V1 = ReviewMechanism.Nominations.V1;

namespace Nominations.Api.Grpc;

/// <summary>
/// The NominationsService RPCs. Roles are checked by the attributes; the party a focal point acts for,
/// and the visibility of contact details, by the domain (<see cref="Actor"/>). Refusals become statuses
/// through <see cref="DomainErrors"/>.
/// </summary>
public sealed class NominationsGrpcService(NominationWorkflow workflow, NominationQueries queries) : V1.NominationsService.NominationsServiceBase
{
    [Authorize(Roles = RoleNames.Managers)]
    public override Task<V1.NominateResponse> Nominate(V1.NominateRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) =>
        {
            var outcome = await workflow.NominateAsync(actor, RequestMapper.Nominate(request), ct);
            var response = new V1.NominateResponse { Nomination = ProtoMapper.Nomination(outcome.Nomination, actor) };
            if (outcome.Handover is { } handover)
            {
                response.Handover = ProtoMapper.Handover(handover);
            }
            return response;
        });

    [Authorize(Roles = RoleNames.Managers)]
    public override Task<V1.SubstituteFocalPointResponse> SubstituteFocalPoint(V1.SubstituteFocalPointRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) =>
        {
            var outcome = await workflow.SubstituteFocalPointAsync(actor, RequestMapper.Substitute(request), ct);
            return new V1.SubstituteFocalPointResponse
            {
                Predecessor = ProtoMapper.Nomination(outcome.Predecessor, actor),
                Successor = ProtoMapper.Nomination(outcome.Successor, actor),
                Handover = ProtoMapper.Handover(outcome.Handover),
            };
        });

    [Authorize(Roles = RoleNames.Managers)]
    public override Task<V1.WithdrawNominationResponse> WithdrawNomination(V1.WithdrawNominationRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) =>
        {
            var outcome = await workflow.WithdrawAsync(actor, RequestMapper.Withdraw(request), ct);
            var response = new V1.WithdrawNominationResponse { Nomination = ProtoMapper.Nomination(outcome.Nomination, actor) };
            response.ReleasedTasks.Add(outcome.ReleasedTasks.Select(ProtoMapper.Task));
            return response;
        });

    [Authorize(Roles = RoleNames.RegisteredUsers)]
    public override Task<V1.GetNominationResponse> GetNomination(V1.GetNominationRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) =>
        {
            var details = await queries.GetNominationAsync(request.Party, request.NominationId, ct);
            var response = new V1.GetNominationResponse { Nomination = ProtoMapper.Nomination(details.Nomination, actor) };
            response.Handovers.Add(details.Handovers.Select(ProtoMapper.Handover));
            response.OpenTasks.Add(details.OpenTasks.Select(ProtoMapper.Task));
            return response;
        });

    [Authorize(Roles = RoleNames.RegisteredUsers)]
    public override Task<V1.ListNominationsResponse> ListNominations(V1.ListNominationsRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) =>
        {
            var role = RequestMapper.RoleFilter(request.Role, "role");
            var list = await queries.ListNominationsAsync(request.Party, role, request.IncludeEnded, ct);
            var response = new V1.ListNominationsResponse();
            response.Nominations.Add(list.Nominations.Select(n => ProtoMapper.Nomination(n, actor)));
            response.Handovers.Add(list.Handovers.Select(ProtoMapper.Handover));
            return response;
        });

    [AllowAnonymous]
    public override Task<V1.CountryProfile> GetCountryProfile(V1.GetCountryProfileRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) => ProtoMapper.CountryProfile(await queries.GetCountryProfileAsync(actor, request.Party, ct)));

    [Authorize(Roles = RoleNames.RegisteredUsers)]
    public override Task<V1.ListMissingNominationsResponse> ListMissingNominations(V1.ListMissingNominationsRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) =>
        {
            var role = RequestMapper.RoleFilter(request.Role, "role");
            var (asOf, missing) = await queries.ListMissingAsync(request.Party, request.CountryReviewId, role, request.OverdueOnly, ct);
            var response = new V1.ListMissingNominationsResponse { AsOf = Timestamp.FromDateTimeOffset(asOf) };
            response.Missing.Add(missing.Select(ProtoMapper.Missing));
            return response;
        });

    [Authorize(Roles = RoleNames.Secretariat)]
    public override Task<V1.NominationStatistics> GetNominationStatistics(V1.GetNominationStatisticsRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) => ProtoMapper.Statistics(await queries.GetStatisticsAsync(ct)));

    [Authorize(Roles = RoleNames.Managers)]
    public override Task<V1.NominationTask> AssignTask(V1.AssignTaskRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) => ProtoMapper.Task(await workflow.AssignTaskAsync(actor, RequestMapper.AssignTask(request), ct)));

    [Authorize(Roles = RoleNames.TaskWorkers)]
    public override Task<V1.NominationTask> CompleteTask(V1.CompleteTaskRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) => ProtoMapper.Task(await workflow.CompleteTaskAsync(actor, RequestMapper.CompleteTask(request), ct)));

    [Authorize(Roles = RoleNames.RegisteredUsers)]
    public override Task<V1.ListOpenTasksResponse> ListOpenTasks(V1.ListOpenTasksRequest request, ServerCallContext context) =>
        Run(context, async (actor, ct) =>
        {
            var response = new V1.ListOpenTasksResponse();
            response.Tasks.Add((await queries.ListOpenTasksAsync(actor, request.Party, request.NominationId, ct)).Select(ProtoMapper.Task));
            return response;
        });

    private static async Task<T> Run<T>(ServerCallContext context, Func<Actor, CancellationToken, Task<T>> handler)
    {
        try
        {
            return await handler(CallerActor.From(context.User), context.CancellationToken);
        }
        catch (DomainException error)
        {
            throw DomainErrors.ToRpcException(error);
        }
    }
}
