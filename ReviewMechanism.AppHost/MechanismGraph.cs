using ReviewMechanism.Hosting;
using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.AppHost;

/// <summary>
/// The whole Review Mechanism: PostgreSQL (one database per service), RabbitMQ, Redis, the identity
/// service, the five domain services and the gateway. Program.cs runs it; tests build it (or a subset)
/// with DistributedApplicationTestingBuilder.
/// </summary>
public sealed class MechanismGraph : IDistributedApplicationGraph
{
    /// <summary>The gateway's ports when the AppHost runs (tests randomise them).</summary>
    public const int GatewayHttpPort = 5080;

    public const int GatewayGrpcPort = 5081;

    public static void Build(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres");
        var messaging = builder.AddRabbitMQ("messaging");
        var redis = builder.AddRedis("redis");

        var identity = builder.AddService<Projects.Identity_Api>("identity", postgres.AddDatabase("identitydb"), redis, messaging)
            .WithDataDirectory("Identity__DataDirectory");
        var gateway = builder.AddProject<Projects.Gateway>("gateway")
            .WithHttpHealthCheck("/health")
            .WithHttpEndpoint(GatewayHttpPort)
            .WithEndpoint("grpc", EndpointProtocols.Http2, GatewayGrpcPort)
            .WithExternalHttpEndpoints();

        var nominations = builder.AddService<Projects.Nominations_Api>("nominations", postgres.AddDatabase("nominationsdb"), redis, messaging);
        var reviews = builder.AddService<Projects.Reviews_Api>("reviews", postgres.AddDatabase("reviewsdb"), redis, messaging);
        var documents = builder.AddService<Projects.Documents_Api>("documents", postgres.AddDatabase("documentsdb"), redis, messaging);
        var engagement = builder.AddService<Projects.Engagement_Api>("engagement", postgres.AddDatabase("engagementdb"), redis, messaging);
        var reporting = builder.AddService<Projects.Reporting_Api>("reporting", postgres.AddDatabase("reportingdb"), redis, messaging);

        // Reviews reads nominated experts; nominations checks review stages: they call each other's gRPC.
        reviews.WithReference(nominations);
        nominations.WithReference(reviews);

        foreach (var service in new[] { identity, nominations, reviews, documents, engagement, reporting })
        {
            gateway.WithReference(service).WaitFor(service);
        }
        gateway.WithReference(redis).WaitFor(redis).WithIdentity(identity, gateway);
        foreach (var service in new[] { identity, nominations, reviews, documents, engagement, reporting })
        {
            service.WithIdentity(identity, gateway);
        }
    }
}
