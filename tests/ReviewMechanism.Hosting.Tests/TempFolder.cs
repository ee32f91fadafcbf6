namespace ReviewMechanism.Hosting.Tests;

/// <summary>A throwaway data folder, removed at the end of the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rm-{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
