namespace Reporting.Tests.Support;

/// <summary>
/// The projects' source folders, used as the servers' content roots (as <c>dotnet run</c> and WebApplicationFactory
/// do): each server reads its own appsettings.json, not the one the build copied into this test's output (the
/// gateway's, from the project reference).
/// </summary>
public static class SourceFolders
{
    public static string Reporting => Path.Combine(RepositoryRoot(), "src", "Reporting.Api");

    public static string Gateway => Path.Combine(RepositoryRoot(), "src", "Gateway");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Mechanism.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No Mechanism.sln above {AppContext.BaseDirectory}.");
    }
}
