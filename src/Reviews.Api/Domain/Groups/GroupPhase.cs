namespace Reviews.Api.Domain.Groups;

/// <summary>A review phase a group has launched: its cluster, start, and the reviews foreseen at its start (para 10).</summary>
public sealed class GroupPhase
{
    private GroupPhase()
    {
        LaunchedBy = "";
    }

    internal GroupPhase(int phase, int cluster, DateOnly startDate, int reviewsForeseen, DateTimeOffset launchedAt, string launchedBy, Guid? conferenceDecisionId)
    {
        Phase = phase;
        Cluster = cluster;
        StartDate = startDate;
        ReviewsForeseen = reviewsForeseen;
        LaunchedAt = launchedAt;
        LaunchedBy = launchedBy;
        ConferenceDecisionId = conferenceDecisionId;
    }

    public int Phase { get; private set; }

    public int Cluster { get; private set; }

    public DateOnly StartDate { get; private set; }

    public int ReviewsForeseen { get; private set; }

    public DateTimeOffset LaunchedAt { get; private set; }

    public string LaunchedBy { get; private set; }

    /// <summary>Set when a Conference decision, not the threshold, allowed the launch.</summary>
    public Guid? ConferenceDecisionId { get; private set; }
}
