namespace ReviewMechanism.Testing;

/// <summary>
/// What an end-to-end harness started (servers, service processes, hosts), stopped in the reverse order, and the
/// temporary folder they keep their data in, deleted after them.
/// </summary>
public sealed class StartedParts(string folderPrefix) : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _parts = [];

    /// <summary>A new folder under /tmp for the parts' data (created by whoever uses it first).</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"{folderPrefix}-{Guid.NewGuid():N}");

    public IReadOnlyList<IAsyncDisposable> All => _parts;

    /// <summary>Keeps <paramref name="part"/> to stop it at the end; returns it.</summary>
    public T Track<T>(T part)
        where T : IAsyncDisposable
    {
        _parts.Add(part);
        return part;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _parts.Count - 1; i >= 0; i--)
        {
            await _parts[i].DisposeAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still held by a stopping server: the folder is under /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
