using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Engagement.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Engagement.Api.Grpc;

public sealed partial class EngagementGrpcService
{
    [Authorize(Policy = AuthorizationPolicies.Authenticated)]
    public override async Task<ListDialoguesResponse> ListDialogues(ListDialoguesRequest request, ServerCallContext context)
    {
        var from = Requests.OptionalDate(request.HeldFrom, "held_from");
        var topic = request.Topic == DialogueTopic.Unspecified ? (Domain.Dialogues.DialogueTopic?)null : Requests.Topic(request.Topic);
        var response = new ListDialoguesResponse();
        foreach (var dialogue in await Dialogues.ListAsync(from, topic, context.CancellationToken))
        {
            response.Dialogues.Add(await DialogueReplyAsync(dialogue, context));
        }
        return response;
    }

    [Authorize(Policy = AuthorizationPolicies.Authenticated)]
    public override async Task<Dialogue> GetDialogue(GetDialogueRequest request, ServerCallContext context) =>
        await DialogueReplyAsync(await Dialogues.GetAsync(Requests.Id(request.DialogueId, "dialogue_id"), context.CancellationToken), context);

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<Dialogue> ScheduleDialogue(ScheduleDialogueRequest request, ServerCallContext context)
    {
        var dialogue = await Dialogues.ScheduleAsync(Requests.Schedule(request), request.IdempotencyKey, context.CancellationToken);
        return await DialogueReplyAsync(dialogue, context);
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<Dialogue> UpdateDialogue(UpdateDialogueRequest request, ServerCallContext context)
    {
        var dialogue = await Dialogues.ChangeAsync(
            Requests.Id(request.DialogueId, "dialogue_id"), request.ExpectedVersion == 0 ? null : (uint)request.ExpectedVersion,
            Requests.Venue(request.Venue), request.InPersonCapacity, request.OnlineCapacity, Requests.Date(request.LastDayToApply, "last_day_to_apply"),
            request.AutomaticApproval, context.CancellationToken);
        return await DialogueReplyAsync(dialogue, context);
    }

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<Dialogue> PublishChairSummary(PublishChairSummaryRequest request, ServerCallContext context)
    {
        var next = string.IsNullOrEmpty(request.NextDialogueId) ? (Guid?)null : Requests.Id(request.NextDialogueId, "next_dialogue_id");
        var dialogue = await Dialogues.PublishChairSummaryAsync(Requests.Id(request.DialogueId, "dialogue_id"), request.Url, request.NextSession, next, context.CancellationToken);
        return await DialogueReplyAsync(dialogue, context);
    }

    private async Task<Dialogue> DialogueReplyAsync(Domain.Dialogues.ConstructiveDialogue dialogue, ServerCallContext context)
    {
        var (waitlisted, awaiting) = await Queries.CountsAsync(dialogue.Id, context.CancellationToken);
        return Replies.Dialogue(dialogue, waitlisted, awaiting, time.GetUtcNow());
    }
}
