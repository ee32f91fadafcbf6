using System.Globalization;
using Microsoft.Extensions.Configuration;
using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        Configuration = new ConfigurationManager();
        var assembly = options.AppHostAssembly ?? System.Reflection.Assembly.GetEntryAssembly();
        var baseDirectory = assembly is null || string.IsNullOrEmpty(assembly.Location)
            ? AppContext.BaseDirectory
            : Path.GetDirectoryName(assembly.Location)!;
        Configuration.AddJsonFile(Path.Combine(baseDirectory, "appsettings.json"), optional: true);
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(NormalizeArguments(options.Args));
    }

    public ConfigurationManager Configuration { get; }

    public DistributedApplicationOptions Options { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"A resource named '{resource.Name}' was already added.");
        }
        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(string name) where T : IResource
    {
        var resource = _resources.FirstOrDefault(r => r.Name == name)
            ?? throw new DistributedApplicationException($"There is no resource named '{name}'.");
        return resource is T typed
            ? new ResourceBuilder<T>(typed, this)
            : throw new DistributedApplicationException($"'{name}' is a {resource.GetType().Name}, not a {typeof(T).Name}.");
    }

    public DistributedApplication Build()
    {
        ApplyConfiguration();
        var resources = Options.ResourceSubset is { } subset
            ? DistributedApplicationModel.Closure(_resources, subset)
            : _resources.ToList();
        var model = new DistributedApplicationModel(resources);
        model.Validate();
        return new DistributedApplication(model, Options, Configuration);
    }

    private void ApplyConfiguration()
    {
        var section = Configuration.GetSection("AppHost");
        Options.DataDirectory = section["DataDirectory"] ?? Options.DataDirectory;
        Options.DashboardPort = section.GetValue("DashboardPort", Options.DashboardPort);
        Options.RandomizePorts = section.GetValue("RandomizePorts", Options.RandomizePorts);
        Options.DemoData = section.GetValue("DemoData", Options.DemoData);
        if (section["RestartDelay"] is { } delay)
        {
            Options.RestartDelay = TimeSpan.Parse(delay, CultureInfo.InvariantCulture);
        }
        Options.EnvironmentName = section["EnvironmentName"]
            ?? Configuration["DOTNET_ENVIRONMENT"]
            ?? Configuration["ASPNETCORE_ENVIRONMENT"]
            ?? Options.EnvironmentName;
    }

    /// <summary><c>--demo-data</c> is a flag; the configuration parser wants key=value.</summary>
    private static string[] NormalizeArguments(string[] args) =>
        args.Select(a => a switch
        {
            "--demo-data" => "--AppHost:DemoData=true",
            "--randomize-ports" => "--AppHost:RandomizePorts=true",
            _ => a,
        }).ToArray();
}
