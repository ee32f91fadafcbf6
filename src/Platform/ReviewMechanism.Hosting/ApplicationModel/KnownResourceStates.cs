namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>The states a resource goes through (Aspire's names).</summary>
public static class KnownResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Exited = "Exited";
    public const string Restarting = "Restarting";
    public const string FailedToStart = "FailedToStart";
    public const string Stopping = "Stopping";
    public const string Stopped = "Stopped";
}

/// <summary>The last health probe's answer.</summary>
public enum HealthStatus
{
    Unknown,
    Healthy,
    Unhealthy,
}
