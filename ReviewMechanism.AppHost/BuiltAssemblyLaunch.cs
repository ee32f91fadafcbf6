using System.Reflection;
using Aspire.Hosting.ApplicationModel;

namespace ReviewMechanism.AppHost;

/// <summary>
/// Starts a project from its built assembly (<c>dotnet bin/{Configuration}/{tfm}/{Name}.dll</c> in the project's folder,
/// so its appsettings and content root are the same) instead of Aspire's default <c>dotnet run --no-build --project</c>.
/// Both run what was last built; <c>dotnet run</c> first evaluates the project with MSBuild to find that out, which
/// costs about 1.5 CPU-seconds per project on this machine (bench/cold-start/results.md), seven times at every start.
/// Aspire launches a project resource that carries an <see cref="ExecutableAnnotation"/> with that command and only
/// the resource's own arguments; endpoints, environment, references and health checks stay the project's. When the
/// assembly is not there (the project was not built in the AppHost's configuration), Aspire's default is kept.
/// </summary>
internal static class BuiltAssemblyLaunch
{
    /// <summary>The AppHost's build configuration (Debug or Release): its projects were built with it.</summary>
    private static readonly string Configuration =
        typeof(BuiltAssemblyLaunch).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static IResourceBuilder<ProjectResource> WithBuiltAssemblyLaunch(this IResourceBuilder<ProjectResource> project)
    {
        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        if (Assembly(projectPath) is not { } assembly)
        {
            return project;
        }
        project.WithAnnotation(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = Path.GetDirectoryName(projectPath)! }, ResourceAnnotationMutationBehavior.Replace);
        return project.WithArgs(context => context.Args.Insert(0, assembly));
    }

    /// <summary>The newest <c>bin/{Configuration}/*/{ProjectName}.dll</c> of the project, if it was built.</summary>
    internal static string? Assembly(string projectPath)
    {
        var output = Path.Combine(Path.GetDirectoryName(projectPath)!, "bin", Configuration);
        if (!Directory.Exists(output))
        {
            return null;
        }
        var name = Path.GetFileNameWithoutExtension(projectPath) + ".dll";
        return Directory.EnumerateDirectories(output)
            .Select(folder => new FileInfo(Path.Combine(folder, name)))
            .Where(file => file.Exists && File.Exists(Path.ChangeExtension(file.FullName, ".runtimeconfig.json")))
            .OrderByDescending(file => file.LastWriteTimeUtc)
            .Select(file => file.FullName)
            .FirstOrDefault();
    }
}
