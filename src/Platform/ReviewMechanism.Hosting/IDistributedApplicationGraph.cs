namespace ReviewMechanism.Hosting;

/// <summary>
/// An AppHost's resource graph as a reusable unit: the AppHost's Program.cs builds it and runs it;
/// the testing builder builds it (or a subset) on random ports with a throwaway data folder.
/// </summary>
public interface IDistributedApplicationGraph
{
    static abstract void Build(IDistributedApplicationBuilder builder);
}
