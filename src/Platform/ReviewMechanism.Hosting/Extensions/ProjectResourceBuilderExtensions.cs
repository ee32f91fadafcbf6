using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>
    /// A project of the solution, e.g. <c>AddProject&lt;Projects.Reviews_Api&gt;("reviews")</c>, with the
    /// endpoints <c>http</c> (HTTP/1.1 + HTTP/2) and <c>grpc</c> (h2c) on free ports.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject());

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata)
    {
        var project = new ProjectResource(name, metadata);
        project.Annotations.Add(new EndpointAnnotation("http", EndpointProtocols.Http1AndHttp2, null));
        project.Annotations.Add(new EndpointAnnotation("grpc", EndpointProtocols.Http2, null));
        return builder.AddResource(project);
    }

    /// <summary>Runs <paramref name="replicas"/> processes; references list every replica (<c>services__x__grpc__0</c>, <c>__1</c>...).</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Annotations.Add(new ReplicaAnnotation(replicas));
        return builder;
    }

    /// <summary>Fixes the port of the <c>http</c> endpoint (tests randomise it anyway).</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port = null, string name = "http") =>
        builder.WithEndpoint(name, EndpointProtocols.Http1AndHttp2, port);

    /// <summary>Adds or replaces an endpoint.</summary>
    public static IResourceBuilder<ProjectResource> WithEndpoint(this IResourceBuilder<ProjectResource> builder, string name, EndpointProtocols protocols, int? port = null)
    {
        builder.Resource.Annotations.Add(new EndpointAnnotation(name, protocols, port));
        return builder;
    }

    /// <summary>Marks the project as the public entry: the AppHost prints its endpoints when it starts.</summary>
    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> builder)
    {
        builder.Resource.Annotations.Add(new ExternalEndpointsAnnotation());
        return builder;
    }

    /// <summary>
    /// Gives the project <c>{data folder}/{name}</c> (created, kept across restarts, a throwaway one in
    /// tests) through <paramref name="environmentVariable"/>, e.g. <c>Identity__DataDirectory</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDataDirectory(this IResourceBuilder<ProjectResource> builder, string environmentVariable)
    {
        builder.Resource.Annotations.Add(new DataDirectoryAnnotation(environmentVariable));
        return builder;
    }

    /// <summary>A reference to a named endpoint, resolved when ports are allocated.</summary>
    public static EndpointReference GetEndpoint(this IResourceBuilder<ProjectResource> builder, string name) =>
        new(builder.Resource, name);
}

/// <summary>The resource's endpoints are meant for users (printed at start).</summary>
public sealed record ExternalEndpointsAnnotation : IResourceAnnotation;
