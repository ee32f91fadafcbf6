using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReviewMechanism.LocalServers;
using ReviewMechanism.LocalServers.Hosting;

namespace Aspire.Hosting;

/// <summary>
/// The local servers as Aspire resources: installed with apt when missing (as root), data under
/// <see cref="GetDataDirectory"/>/{name}, every listener on 127.0.0.1, health from each server's protocol.
/// </summary>
public static class LocalServerBuilderExtensions
{
    /// <summary>Setting that moves every server's data (tests pass a throwaway folder): <c>AppHost:DataDirectory</c>.</summary>
    public const string DataDirectorySetting = "AppHost:DataDirectory";

    /// <summary><c>AppHost:DataDirectory</c>, or <c>.data/</c> at the root of the repository that holds the AppHost.</summary>
    public static string GetDataDirectory(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration[DataDirectorySetting] is { Length: > 0 } configured
            ? configured
            : Path.Combine(DotnetToolManifest.Find(builder.AppHostDirectory).RepositoryRoot, ".data"));

    /// <summary>PostgreSQL from Debian's postgresql package; add databases with <see cref="AddDatabase"/>.</summary>
    public static IResourceBuilder<PostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var folder = Path.Combine(builder.GetDataDirectory(), name);
        PostgresServerResource? resource = null;
        var server = PostgresServer.Configure(new ServerOptions(folder) { Output = (line, error) => resource?.Output.Write(line, error) });
        resource = new PostgresServerResource(name, server, folder);
        var postgres = builder.AddLocalServer(resource, "PostgreSQL");
        builder.Eventing.Subscribe<ResourceReadyEvent>(resource, async (e, cancellationToken) =>
        {
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var database in resource.Databases)
            {
                await server.EnsureDatabaseAsync(database.DatabaseName, cancellationToken).ConfigureAwait(false);
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running }).ConfigureAwait(false);
            }
        });
        return postgres;
    }

    /// <summary>A database of the server, created once the server is healthy; healthy once it exists.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        var key = $"{name}_database_exists";
        var postgres = server.Resource.Server;
        server.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key,
            _ => new ProbeHealthCheck(async ct =>
            {
                await postgres.EnsureDatabaseAsync(database.DatabaseName, ct).ConfigureAwait(false);
                return true;
            }, $"database {database.DatabaseName}"),
            failureStatus: null, tags: null));
        return server.ApplicationBuilder.AddResource(database)
            .WithHealthCheck(key)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.NotStarted,
                Properties = [new("postgres.database", database.DatabaseName)],
            });
    }

    /// <summary>RabbitMQ from Debian's rabbitmq-server package, with its own epmd (resource <c>{name}-epmd</c>).</summary>
    public static IResourceBuilder<RabbitMqServerResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        var folder = Path.Combine(builder.GetDataDirectory(), name);
        RabbitMqServerResource? resource = null;
        var server = RabbitMqServer.Configure(new ServerOptions(folder) { Output = (line, error) => resource?.Output.Write(line, error) });
        resource = new RabbitMqServerResource(name, server, folder);

        var epmdSpec = server.CreateEpmdProcessSpec();
        var epmdKey = $"{name}-epmd_listening";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(epmdKey, _ => new ProbeHealthCheck(server.ProbeEpmdAsync, "epmd"), null, null));
        var epmd = builder.AddResource(new EpmdResource($"{name}-epmd", folder))
            .WithArgs([.. epmdSpec.Arguments])
            .WithEnvironment(context => Apply(epmdSpec, context))
            .WithEndpoint(name: "tcp", port: server.EpmdPort, targetPort: server.EpmdPort, scheme: "tcp", isProxied: false)
            .WithHealthCheck(epmdKey)
            .WithParentRelationship(resource)
            .WithIconName("PlugConnected");

        return builder.AddLocalServer(resource, "RabbitMQ")
            .WithEndpoint(name: "distribution", port: server.DistributionPort, targetPort: server.DistributionPort, scheme: "tcp", isProxied: false)
            .WaitFor(epmd);
    }

    /// <summary>Redis from Debian's redis-server package (append-only file, password).</summary>
    public static IResourceBuilder<RedisServerResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var folder = Path.Combine(builder.GetDataDirectory(), name);
        RedisServerResource? resource = null;
        var server = RedisServer.Configure(new ServerOptions(folder) { Output = (line, error) => resource?.Output.Write(line, error) });
        resource = new RedisServerResource(name, server, folder);
        return builder.AddLocalServer(resource, "Redis");
    }

    /// <summary>
    /// The development mail server, smtp4dev (the tool pinned in .config/dotnet-tools.json, restored when missing):
    /// services send SMTP to it (<c>ConnectionStrings__{name}</c>); its web page lists what they sent.
    /// </summary>
    public static IResourceBuilder<MailServerResource> AddLocalMailServer(this IDistributedApplicationBuilder builder, string name)
    {
        var folder = Path.Combine(builder.GetDataDirectory(), name);
        MailServerResource? resource = null;
        var server = MailServer.Configure(
            new ServerOptions(folder) { Output = (line, error) => resource?.Output.Write(line, error) },
            manifest: DotnetToolManifest.Find(builder.AppHostDirectory));
        resource = new MailServerResource(name, server, folder);
        return builder.AddLocalServer(resource, "Smtp4dev")
            .WithHttpEndpoint(name: "http", port: server.HttpPort, targetPort: server.HttpPort, isProxied: false)
            .WithUrlForEndpoint("http", url => url.DisplayText = "Mails sent (smtp4dev)");
    }

    private static IResourceBuilder<T> AddLocalServer<T>(this IDistributedApplicationBuilder builder, T resource, string kind)
        where T : LocalServerResource
    {
        var server = resource.Server;
        var key = $"{resource.Name}_{kind.ToLowerInvariant()}_answers";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => new ProbeHealthCheck(server.ProbeAsync, kind), null, null));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource, async (e, cancellationToken) =>
        {
            resource.Output.Attach(e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource));
            await server.InstallAndInitializeAsync(cancellationToken).ConfigureAwait(false);
        });
        return builder.AddResource(resource)
            .WithArgs(async context =>
            {
                await server.InstallAndInitializeAsync(context.CancellationToken).ConfigureAwait(false);
                var spec = server.CreateProcessSpec();
                context.Args.Add(spec.FileName);
                foreach (var argument in spec.Arguments)
                {
                    context.Args.Add(argument);
                }
            })
            .WithEnvironment(async context =>
            {
                await server.InstallAndInitializeAsync(context.CancellationToken).ConfigureAwait(false);
                Apply(server.CreateProcessSpec(), context);
            })
            .WithEndpoint(name: "tcp", port: server.Port, targetPort: server.Port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(key);
    }

    private static void Apply(ReviewMechanism.LocalServers.Processes.ProcessSpec spec, EnvironmentCallbackContext context)
    {
        foreach (var (variable, value) in spec.Environment)
        {
            if (value is not null)
            {
                context.EnvironmentVariables[variable] = value;
            }
        }
    }
}
