using Engagement.Api.Application;
using Engagement.Api.Domain.Dialogues;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engagement.Api.Pages.Secretariat;

/// <summary>The secretariat's list of dialogues with their seats (behind the identity login: Extensions/EngagementWebExtensions).</summary>
public sealed class IndexModel(DialogueUseCases dialogues, ApplicationQueries queries) : PageModel
{
    public IReadOnlyList<(ConstructiveDialogue Dialogue, int Waitlisted, int Awaiting)> Dialogues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = new List<(ConstructiveDialogue, int, int)>();
        foreach (var dialogue in await dialogues.ListAsync(null, null, ct))
        {
            var (waitlisted, awaiting) = await queries.CountsAsync(dialogue.Id, ct);
            list.Add((dialogue, waitlisted, awaiting));
        }
        Dialogues = list;
    }
}
