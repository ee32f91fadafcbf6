using Microsoft.Extensions.Configuration;
using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting;

/// <summary>Builds the application model: the resources, how they reference and wait for each other.</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>The AppHost's configuration: appsettings.json, environment variables, command line.</summary>
    ConfigurationManager Configuration { get; }

    DistributedApplicationOptions Options { get; }

    /// <summary>The resources added so far, in the order they were added.</summary>
    IReadOnlyList<IResource> Resources { get; }

    /// <summary>Adds a resource; names are unique (case-insensitive).</summary>
    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A builder for a resource added earlier (tests use it to adjust the AppHost's graph).</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(string name) where T : IResource;

    DistributedApplication Build();
}
