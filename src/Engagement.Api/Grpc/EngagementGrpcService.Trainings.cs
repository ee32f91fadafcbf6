using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Engagement.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Engagement.Api.Grpc;

public sealed partial class EngagementGrpcService
{
    [Authorize(Policy = AuthorizationPolicies.Authenticated)]
    public override async Task<ListTrainingsResponse> ListTrainings(ListTrainingsRequest request, ServerCallContext context)
    {
        var response = new ListTrainingsResponse();
        foreach (var training in await Trainings.ListAsync(Requests.OptionalDate(request.StartsFrom, "starts_from"), context.CancellationToken))
        {
            var (registered, completed) = await Trainings.CountsAsync(training.Id, context.CancellationToken);
            response.Trainings.Add(Replies.Training(training, registered, completed));
        }
        return response;
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<Training> ScheduleTraining(ScheduleTrainingRequest request, ServerCallContext context)
    {
        var training = await Trainings.ScheduleAsync(Requests.TrainingKind(request.Kind), request.Title, request.Description, request.Languages.ToList(),
            Requests.Date(request.StartsOn, "starts_on"), Requests.Date(request.EndsOn, "ends_on"), request.WorkloadHours,
            Requests.Date(request.LastDayToRegister, "last_day_to_register"), request.TimeZone, request.IdempotencyKey, context.CancellationToken);
        return Replies.Training(training, 0, 0);
    }

    [Authorize(Roles = SecretariatOrPartner)]
    public override async Task<TrainingRegistration> RegisterForTraining(RegisterForTrainingRequest request, ServerCallContext context) =>
        Replies.Registration(await Trainings.RegisterAsync(Requests.Id(request.TrainingId, "training_id"), request.FullName, request.Email,
            request.Organization, Requests.Category(request.OrganizationCategory), request.Country, request.Language,
            request.NominatingOrganization, request.IdempotencyKey, ActorOf(context), context.CancellationToken));

    [Authorize(Roles = SecretariatOrPartner)]
    public override async Task<TrainingRegistration> CancelTrainingRegistration(CancelTrainingRegistrationRequest request, ServerCallContext context) =>
        Replies.Registration(await Trainings.CancelAsync(Requests.Id(request.RegistrationId, "registration_id"), ActorOf(context), context.CancellationToken));

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<ListTrainingRegistrationsResponse> ListTrainingRegistrations(ListTrainingRegistrationsRequest request, ServerCallContext context)
    {
        var response = new ListTrainingRegistrationsResponse();
        response.Registrations.AddRange((await Trainings.ListRegistrationsAsync(Requests.Id(request.TrainingId, "training_id"), context.CancellationToken))
            .Select(Replies.Registration));
        return response;
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<TrainingRegistration> RecordTrainingCompletion(RecordTrainingCompletionRequest request, ServerCallContext context) =>
        Replies.Registration(await Trainings.CompleteAsync(Requests.Id(request.RegistrationId, "registration_id"), ActorOf(context), context.CancellationToken));
}
