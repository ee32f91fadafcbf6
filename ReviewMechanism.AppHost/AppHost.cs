// The Review Mechanism as one graph (README "Architecture"): the local servers, the six services, the gateway.
// `dotnet run --project ReviewMechanism.AppHost` starts it with the Aspire dashboard; tests start it with
// DistributedApplicationTestingBuilder.CreateAsync<Projects.ReviewMechanism_AppHost>().
using Microsoft.Extensions.Configuration;
using ReviewMechanism.AppHost;

var builder = DistributedApplication.CreateBuilder(args.Where(a => a != Mechanism.DemoDataSwitch).ToArray());

// Local servers from Debian packages and the pinned smtp4dev tool (no container engine), data under .data/.
var postgres = builder.AddLocalPostgres("postgres");
var messaging = builder.AddLocalRabbitMQ("messaging");
var redis = builder.AddLocalRedis("redis");
var mail = builder.AddLocalMailServer("mail");

// Each service: its own database and the broker, its two endpoints (http, grpc), health at /health. Redis only
// for those that use it (identity's revocation list, engagement's page rate limits, reporting's cache).
var identity = builder.AddService<Projects.Identity_Api>("identity", postgres.AddDatabase("identitydb"), messaging, redis)
    .WithDataDirectory("Identity__DataDirectory")
    .WithMail(mail)
    .WithPartnerClient(Mechanism.DemoPartnerClientId);
var nominations = builder.AddService<Projects.Nominations_Api>("nominations", postgres.AddDatabase("nominationsdb"), messaging);
var reviews = builder.AddService<Projects.Reviews_Api>("reviews", postgres.AddDatabase("reviewsdb"), messaging)
    .WithMail(mail);
var documents = builder.AddService<Projects.Documents_Api>("documents", postgres.AddDatabase("documentsdb"), messaging)
    .WithDataDirectory("Documents__DataDirectory");
var engagement = builder.AddService<Projects.Engagement_Api>("engagement", postgres.AddDatabase("engagementdb"), messaging, redis)
    .WithDataDirectory("Engagement__DataDirectory")
    .WithMail(mail);
var reporting = builder.AddService<Projects.Reporting_Api>("reporting", postgres.AddDatabase("reportingdb"), messaging, redis);

// What one service needs of another arrives as integration events over RabbitMQ. The one exception: reporting's
// rebuild (RebuildReadModels) re-reads the country reviews and the nominations from Reviews' and Nominations' gRPC
// APIs, so reporting knows their endpoints (no WaitFor: it starts without them; a rebuild then answers UNAVAILABLE).
reporting.WithReference(reviews).WithReference(nominations);

// The only public entry: routes to every service, validates tokens, rate limits with Redis.
var gateway = builder.AddGateway<Projects.Gateway>("gateway",
        builder.Configuration.GetValue("AppHost:GatewayHttpPort", Mechanism.GatewayHttpPort),
        builder.Configuration.GetValue("AppHost:GatewayGrpcPort", Mechanism.GatewayGrpcPort))
    .WithReference(redis).WaitFor(redis);
IResourceBuilder<ProjectResource>[] services = [identity, nominations, reviews, documents, engagement, reporting];
foreach (var service in services)
{
    gateway.WithReference(service).WaitFor(service);
    service.WithIdentity(identity, gateway);
}
gateway.WithIdentity(identity, gateway);

// The NGOs' pages are reached through the gateway (links in mails point there); the secretariat signs in to them at
// identity with the authorization code + PKCE (public client engagement-web, callback under the gateway).
engagement.WithEnvironment("Engagement__PublicBaseUrl", gateway.GetEndpoint("http"));
identity.WithWebClient(Mechanism.EngagementWebClientId, Mechanism.EngagementWebClientIndex, gateway, "/engagement");

// `--demo-data`: the services load the demo data set into empty databases, through their own rules and events.
if (args.Contains(Mechanism.DemoDataSwitch) || builder.Configuration.GetValue<bool>("AppHost:DemoData"))
{
    foreach (var service in services)
    {
        service.WithEnvironment("ReviewMechanism__DemoData", "true");
    }
}

builder.ReportWhenHealthy();
builder.Build().Run();
