using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>Passes the source's connection string as <c>ConnectionStrings__{connectionName ?? source name}</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment
    {
        builder.Resource.Annotations.Add(new ReferenceAnnotation(source.Resource, connectionName ?? source.Resource.Name));
        return builder;
    }

    /// <summary>Passes every endpoint of the source as <c>services__{name}__{endpoint}__{replica}</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithEndpoints> source)
        where T : IResourceWithEnvironment
    {
        builder.Resource.Annotations.Add(new ReferenceAnnotation(source.Resource, source.Resource.Name));
        return builder;
    }

    /// <summary>Starts the resource only once <paramref name="dependency"/> is running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport
    {
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new DistributedApplicationException($"{builder.Resource.Name} cannot wait for itself.");
        }
        builder.Resource.Annotations.Add(new WaitAnnotation(dependency.Resource));
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string? value)
        where T : IResourceWithEnvironment
    {
        builder.Resource.Annotations.Add(new EnvironmentAnnotation(name, () => value));
        return builder;
    }

    /// <summary>The endpoint's URL; left out when the endpoint's resource is not part of the running application (a test's subset).</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, EndpointReference endpoint)
        where T : IResourceWithEnvironment
    {
        builder.Resource.Annotations.Add(new EnvironmentAnnotation(name, () => endpoint.TryGetUrl()));
        return builder;
    }

    /// <summary>A value computed when the process starts.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Func<string?> value)
        where T : IResourceWithEnvironment
    {
        builder.Resource.Annotations.Add(new EnvironmentAnnotation(name, value));
        return builder;
    }

    /// <summary>Healthy when GET <paramref name="path"/> on the endpoint answers 2xx (otherwise: healthy when running).</summary>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        builder.Resource.Annotations.Add(new HttpHealthCheckAnnotation(path, endpointName));
        return builder;
    }
}
