namespace Engagement.Api.Domain.Dialogues;

/// <summary>The Chair's summary of a dialogue, published after it and shared with the next working-group session.</summary>
public sealed record ChairSummary(string Url, string NextSession, Guid? NextDialogueId, DateTimeOffset PublishedAt);
