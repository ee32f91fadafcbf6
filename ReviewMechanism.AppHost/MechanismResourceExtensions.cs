using Aspire.Hosting.ApplicationModel;
using ReviewMechanism.LocalServers.Hosting;

namespace ReviewMechanism.AppHost;

/// <summary>The shape every service of the mechanism shares in the graph.</summary>
internal static class MechanismResourceExtensions
{
    /// <summary>
    /// A service: endpoints <c>http</c> (HTTP/1.1: health, pages) and <c>grpc</c> (cleartext HTTP/2), health at
    /// <c>/health</c>, its database and the servers it uses as references it waits for.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder,
        string name,
        IResourceBuilder<PostgresDatabaseResource> database,
        params IResourceBuilder<LocalServerResource>[] servers)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddMechanismProject<TProject>(name, httpPort: null, grpcPort: null)
            .WithReference(database).WaitFor(database);
        foreach (var server in servers)
        {
            service.WithReference(server).WaitFor(server);
        }
        return service;
    }

    /// <summary>The gateway: the same two endpoints on fixed ports, shown as the stack's public URLs; its gen0 budget (<see cref="Mechanism.GatewayGen0Budget"/>).</summary>
    public static IResourceBuilder<ProjectResource> AddGateway<TProject>(this IDistributedApplicationBuilder builder, string name, int httpPort, int grpcPort)
        where TProject : IProjectMetadata, new() =>
        builder.AddMechanismProject<TProject>(name, httpPort, grpcPort).WithExternalHttpEndpoints()
            .WithEnvironment("DOTNET_GCgen0size", Mechanism.GatewayGen0Budget);

    /// <summary>The service's own folder <c>{data}/{name}</c> as <paramref name="variable"/> (e.g. <c>Documents__DataDirectory</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithDataDirectory(this IResourceBuilder<ProjectResource> service, string variable) =>
        service.WithEnvironment(variable, Path.Combine(service.ApplicationBuilder.GetDataDirectory(), service.Resource.Name));

    /// <summary>Mail through the development mail server: <c>ConnectionStrings__mail</c> (read by <c>AddMailSender()</c>).</summary>
    public static IResourceBuilder<ProjectResource> WithMail(this IResourceBuilder<ProjectResource> service, IResourceBuilder<MailServerResource> mail) =>
        service.WithReference(mail).WaitFor(mail);

    /// <summary>
    /// Where tokens come from (ARCHITECTURE.md): <c>Identity:Authority</c> is the identity service's internal URL
    /// (discovery), <c>Identity:Issuer</c> the public URL, the gateway's.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(
        this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<ProjectResource> identity,
        IResourceBuilder<ProjectResource> gateway) =>
        service
            .WithEnvironment("Identity__Authority", identity.GetEndpoint("http"))
            .WithEnvironment("Identity__Issuer", gateway.GetEndpoint("http"));

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

    /// <summary>
    /// A first-party browser client (public: authorization code + PKCE, no secret) whose pages live under
    /// <paramref name="pathBase"/> behind the gateway: callback <c>{gateway}{pathBase}/signin-oidc</c>, scopes
    /// openid, profile (name and role in the identity token) and email.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithWebClient(
        this IResourceBuilder<ProjectResource> identity, string clientId, int index, IResourceBuilder<ProjectResource> gateway, string pathBase)
    {
        var prefix = $"Identity__Clients__{index}__";
        var site = gateway.GetEndpoint("http");
        identity.WithEnvironment(prefix + "ClientId", clientId)
            .WithEnvironment(prefix + "Type", "public")
            .WithEnvironment(prefix + "FirstParty", "true")
            .WithEnvironment(prefix + "RedirectUris__0", ReferenceExpression.Create($"{site}{pathBase}/signin-oidc"))
            .WithEnvironment(prefix + "PostLogoutRedirectUris__0", ReferenceExpression.Create($"{site}{pathBase}/signout-callback-oidc"))
            .WithEnvironment(prefix + "GrantTypes__0", "authorization_code");
        string[] scopes = ["openid", "profile", "email"];
        for (var i = 0; i < scopes.Length; i++)
        {
            identity.WithEnvironment($"{prefix}Scopes__{i}", scopes[i]);
        }
        return identity;
    }

    private static IResourceBuilder<ProjectResource> AddMechanismProject<TProject>(this IDistributedApplicationBuilder builder, string name, int? httpPort, int? grpcPort)
        where TProject : IProjectMetadata, new()
    {
        // A service listens on its ports itself; only the gateway's fixed public ports go through DCP's proxy. A proxy
        // in front of a service had to learn the new process's port after a restart, and after a kill and a start it
        // stayed unanswered for minutes (docs/apphost.md, "Ports").
        var proxied = httpPort is not null;
        var project = builder.AddProject<TProject>(name, options => options.ExcludeLaunchProfile = true)
            .WithBuiltAssemblyLaunch()
            .WithHttpEndpoint(name: "http", port: httpPort, isProxied: proxied)
            .WithEndpoint("grpc", endpoint =>
            {
                endpoint.UriScheme = "http";
                endpoint.Transport = "http2";
                endpoint.Port = grpcPort;
                endpoint.IsProxied = proxied;
            })
            .WithHttpHealthCheck("/health", endpointName: "http");
        var http = project.GetEndpoint("http");
        var grpc = project.GetEndpoint("grpc");
        return project
            // Kestrel's own endpoints: the grpc one speaks HTTP/2 only (h2c, what gRPC clients use without TLS).
            .WithEnvironment("Kestrel__Endpoints__http__Url", ReferenceExpression.Create($"http://127.0.0.1:{http.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment("Kestrel__Endpoints__grpc__Url", ReferenceExpression.Create($"http://127.0.0.1:{grpc.Property(EndpointProperty.TargetPort)}"))
            .WithEnvironment("Kestrel__Endpoints__grpc__Protocols", "Http2")
            // Every trace on the dashboard when the stack runs here (a deployment keeps the services' default: 1 in 10).
            .WithEnvironment("Telemetry__TraceSampleRatio", "1")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Configuration["AppHost:EnvironmentName"] ?? "Development");
    }
}
