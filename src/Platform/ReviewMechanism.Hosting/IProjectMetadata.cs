namespace ReviewMechanism.Hosting;

/// <summary>
/// Where a project of the solution is and where its build puts its assembly. The AppHost's build
/// generates one class per referenced project in the <c>Projects</c> namespace
/// (eng/ProjectResources.targets), e.g. <c>Projects.Reviews_Api</c>.
/// </summary>
public interface IProjectMetadata
{
    /// <summary>Full path of the .csproj.</summary>
    string ProjectPath { get; }

    /// <summary>Full path of the built assembly (the dll <c>dotnet</c> runs).</summary>
    string AssemblyPath { get; }
}

/// <summary>Project metadata given by hand (tests, or projects the AppHost does not reference).</summary>
public sealed record ProjectMetadata(string ProjectPath, string AssemblyPath) : IProjectMetadata;
