namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>
/// A throwaway data folder for one stack (the servers' data, the services' folders), so a test never meets a
/// development stack's PostgreSQL; deleted at the end.
/// </summary>
public sealed class TestDataFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rm-apphost-tests-{Guid.NewGuid():N}");

    /// <summary>The AppHost argument that puts every server's data here.</summary>
    public string Argument => $"--AppHost:DataDirectory={Path}";

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held by a stopping server: the folder is under /tmp and harmless.
        }
    }
}
