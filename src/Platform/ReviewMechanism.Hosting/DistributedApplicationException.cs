namespace ReviewMechanism.Hosting;

/// <summary>The AppHost cannot go on: a broken graph, an unbuilt project, a server that cannot be installed.</summary>
public sealed class DistributedApplicationException : Exception
{
    public DistributedApplicationException(string message)
        : base(message)
    {
    }

    public DistributedApplicationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
