using ReviewMechanism.Hosting;
using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.AppHost;

/// <summary>The shape every service of the mechanism shares in the graph.</summary>
internal static class MechanismGraphExtensions
{
    /// <summary>A service with its database, the infrastructure it uses, health at /health, waiting for all of them.</summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<PostgresDatabaseResource> database,
        params IResourceBuilder<LocalServerResource>[] infrastructure)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithHttpHealthCheck("/health")
            .WithReference(database)
            .WaitFor(database);
        foreach (var server in infrastructure)
        {
            service.WithReference(server).WaitFor(server);
        }
        return service;
    }

    /// <summary>
    /// Where tokens come from (ARCHITECTURE.md): <c>Identity:Authority</c> is the identity service's
    /// internal URL (discovery), <c>Identity:Issuer</c> the public URL, the gateway's (the identity
    /// service's own when a test runs a subset without the gateway).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(
        this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<ProjectResource> identity,
        IResourceBuilder<ProjectResource> gateway)
    {
        var authority = identity.GetEndpoint("http");
        var publicUrl = gateway.GetEndpoint("http");
        return service
            .WithEnvironment("Identity__Authority", authority)
            .WithEnvironment("Identity__Issuer", () => publicUrl.TryGetUrl() ?? authority.TryGetUrl());
    }

    /// <summary>A confidential client_credentials client with role Partner and the scopes of the five services.</summary>
    public static IResourceBuilder<ProjectResource> WithPartnerClient(this IResourceBuilder<ProjectResource> identity, string clientId)
    {
        const string prefix = "Identity__Clients__0__";
        identity.WithEnvironment(prefix + "ClientId", clientId)
            .WithEnvironment(prefix + "Type", "confidential")
            .WithEnvironment(prefix + "GrantTypes__0", "client_credentials")
            .WithEnvironment(prefix + "Roles__0", "Partner");
        string[] scopes = ["nominations", "reviews", "documents", "engagement", "reporting"];
        for (var i = 0; i < scopes.Length; i++)
        {
            identity.WithEnvironment($"{prefix}Scopes__{i}", scopes[i]);
        }
        return identity;
    }
}
