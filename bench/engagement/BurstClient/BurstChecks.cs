using Grpc.Core;
using ReviewMechanism.Engagement.V1;

namespace Engagement.Bench;

/// <summary>
/// What the burst must leave behind, read back over gRPC: the seats, every application (none lost, none
/// duplicated, every acknowledged one kept), the approved ones arriving first and the waitlist in arrival order;
/// and that a withdrawal hands its seat to the first on the waitlist.
/// </summary>
public sealed class BurstChecks(EngagementService.EngagementServiceClient client, Metadata headers)
{
    public async Task<object> CheckAsync(string dialogueId, IReadOnlyCollection<string> acknowledgedIds)
    {
        var seats = await client.GetDialogueAsync(new GetDialogueRequest { DialogueId = dialogueId }, headers);
        var all = await ListAsync(dialogueId);
        var ids = all.Select(a => a.Id).ToHashSet();
        var approved = all.Where(a => a.Status == ApplicationStatus.ApprovedInPerson).ToList();
        var waitlist = all.Where(a => a.Status == ApplicationStatus.Waitlisted).OrderBy(a => a.ArrivalNumber).ToList();
        // The status page's position: 1 for the first arrival on the waitlist, N for the last, rank + 1 in between.
        var sampled = new List<int>();
        foreach (var rank in new[] { 0, waitlist.Count / 2, waitlist.Count - 1 }.Where(r => r >= 0 && r < waitlist.Count).Distinct())
        {
            var one = await client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = waitlist[rank].Id }, headers);
            sampled.Add(one.WaitlistPosition == rank + 1 ? 1 : 0);
        }
        return new
        {
            approved_in_person = seats.ApprovedInPerson,
            waitlisted = seats.Waitlisted,
            applications = ids.Count,
            listed_rows = all.Count,
            statuses = all.GroupBy(a => a.Status.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            acknowledged_missing = acknowledgedIds.Count(id => !ids.Contains(id)),
            approved_arrived_first = approved.Count == 0 || waitlist.Count == 0 || approved.Max(a => a.ArrivalNumber) < waitlist.Min(a => a.ArrivalNumber),
            waitlist_positions_follow_arrival = sampled.All(s => s == 1),
            distinct_arrival_numbers = all.Select(a => a.ArrivalNumber).Distinct().Count() == all.Count,
        };
    }

    /// <summary>Withdraws the first approved arrival and checks that the first on the waitlist takes its seat.</summary>
    public async Task<object> WithdrawalPromotesAsync(string dialogueId)
    {
        var all = await ListAsync(dialogueId);
        var leaving = all.Where(a => a.Status == ApplicationStatus.ApprovedInPerson).MinBy(a => a.ArrivalNumber)
            ?? throw new InvalidOperationException("No approved application to withdraw.");
        var first = all.Where(a => a.Status == ApplicationStatus.Waitlisted).MinBy(a => a.ArrivalNumber)
            ?? throw new InvalidOperationException("Nobody is waitlisted.");
        var second = all.Where(a => a.Status == ApplicationStatus.Waitlisted && a.Id != first.Id).MinBy(a => a.ArrivalNumber);
        var before = await client.GetDialogueAsync(new GetDialogueRequest { DialogueId = dialogueId }, headers);
        var withdrawn = await client.WithdrawApplicationAsync(new WithdrawApplicationRequest { ApplicationId = leaving.Id }, headers);
        var promoted = await client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = first.Id }, headers);
        var next = second is null ? null : await client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = second.Id }, headers);
        var after = await client.GetDialogueAsync(new GetDialogueRequest { DialogueId = dialogueId }, headers);
        return new
        {
            withdrawn_status = withdrawn.Status.ToString(),
            first_waitlisted_now = promoted.Status.ToString(),
            next_waitlist_position = next?.WaitlistPosition ?? 0,
            approved_before = before.ApprovedInPerson,
            approved_after = after.ApprovedInPerson,
            waitlisted_before = before.Waitlisted,
            waitlisted_after = after.Waitlisted,
            promoted_first = withdrawn.Status == ApplicationStatus.Withdrawn && promoted.Status == ApplicationStatus.ApprovedInPerson
                && after.ApprovedInPerson == before.ApprovedInPerson && after.Waitlisted == before.Waitlisted - 1
                && (next is null || next.WaitlistPosition == 1),
        };
    }

    private async Task<List<Application>> ListAsync(string dialogueId)
    {
        var all = new List<Application>();
        var token = "";
        do
        {
            var page = await client.ListApplicationsAsync(new ListApplicationsRequest { DialogueId = dialogueId, PageSize = 500, PageToken = token }, headers);
            all.AddRange(page.Applications);
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        return all;
    }
}
