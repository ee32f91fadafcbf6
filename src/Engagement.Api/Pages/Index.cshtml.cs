using Engagement.Api.Application;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.Domain.Trainings;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Engagement.Api.Pages;

/// <summary>The upcoming dialogues and trainings.</summary>
public sealed class IndexModel(DialogueUseCases dialogues, TrainingUseCases trainings, TimeProvider time) : PageModel
{
    public IReadOnlyList<ConstructiveDialogue> Dialogues { get; private set; } = [];

    public IReadOnlyList<Training> Trainings { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        Dialogues = await dialogues.ListAsync(today, null, ct);
        Trainings = await trainings.ListAsync(today, ct);
    }
}
