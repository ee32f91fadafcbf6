namespace Engagement.Api.Domain.Dialogues;

/// <summary>Where a dialogue is held: in Vienna, online, or both.</summary>
public enum Venue
{
    Vienna = 1,
    Online = 2,
    Hybrid = 3,
}
