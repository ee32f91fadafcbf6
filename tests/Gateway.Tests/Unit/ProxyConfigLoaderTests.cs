using System.Net;
using Microsoft.Extensions.Configuration;
using ReviewMechanism.ReverseProxy.Configuration;

namespace Gateway.Tests.Unit;

public sealed class ProxyConfigLoaderTests
{
    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("ReverseProxy");

    [Fact]
    public void YarpShapedConfigurationIsRead()
    {
        var config = ProxyConfigLoader.Load(Section(new()
        {
            ["ReverseProxy:Routes:reviews:ClusterId"] = "reviews",
            ["ReverseProxy:Routes:reviews:Match:Path"] = "/reviewmechanism.reviews.v1.ReviewsService/{**rest}",
            ["ReverseProxy:Routes:reviews:Match:Methods:0"] = "POST",
            ["ReverseProxy:Routes:reviews:AuthorizationPolicy"] = "reviews-scope",
            ["ReverseProxy:Routes:reviews:RateLimiterPolicy"] = "grpc",
            ["ReverseProxy:Routes:reviews:MaxRequestMessageSize"] = "4194304",
            ["ReverseProxy:Routes:reviews:Transforms:0:PathRemovePrefix"] = "/api",
            ["ReverseProxy:Clusters:reviews:LoadBalancingPolicy"] = "PowerOfTwoChoices",
            ["ReverseProxy:Clusters:reviews:Destinations:a:Address"] = "http://_grpc.reviews",
            ["ReverseProxy:Clusters:reviews:HealthCheck:Passive:Enabled"] = "true",
            ["ReverseProxy:Clusters:reviews:HealthCheck:Passive:ConsecutiveFailures"] = "4",
            ["ReverseProxy:Clusters:reviews:HealthCheck:Passive:ReactivationPeriod"] = "00:00:45",
            ["ReverseProxy:Clusters:reviews:HttpRequest:Version"] = "2",
            ["ReverseProxy:Clusters:reviews:HttpRequest:VersionPolicy"] = "RequestVersionExact",
            ["ReverseProxy:Clusters:reviews:HttpRequest:ActivityTimeout"] = "00:02:00",
            ["ReverseProxy:Clusters:reviews:HttpClient:ConnectTimeout"] = "00:00:03",
        }));

        var route = Assert.Single(config.Routes);
        Assert.Equal("reviews", route.RouteId);
        Assert.Equal(["POST"], route.Match.Methods);
        Assert.Equal("reviews-scope", route.AuthorizationPolicy);
        Assert.Equal(4194304, route.MaxRequestMessageSize);
        Assert.Equal("/api", route.Transforms[0]["PathRemovePrefix"]);
        var cluster = Assert.Single(config.Clusters);
        Assert.Equal(HttpVersion.Version20, cluster.HttpRequest!.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, cluster.HttpRequest.VersionPolicy);
        Assert.Equal(TimeSpan.FromMinutes(2), cluster.HttpRequest.ActivityTimeout);
        Assert.Equal(4, cluster.HealthCheck!.Passive!.ConsecutiveFailures);
        Assert.Equal(TimeSpan.FromSeconds(45), cluster.HealthCheck.Passive.ReactivationPeriod);
        Assert.Equal(TimeSpan.FromSeconds(3), cluster.HttpClient!.ConnectTimeout);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnceWithItsKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProxyConfigLoader.Load(Section(new()
        {
            ["ReverseProxy:Routes:a:ClusterId"] = "missing",
            ["ReverseProxy:Routes:a:Match:Path"] = "no-slash",
            ["ReverseProxy:Routes:a:MaxRequestBodySize"] = "-5",
            ["ReverseProxy:Clusters:c:LoadBalancingPolicy"] = "Fastest",
            ["ReverseProxy:Clusters:c:Destinations:d:Address"] = "ftp://x",
            ["ReverseProxy:Clusters:c:HttpRequest:Version"] = "5",
            ["ReverseProxy:Clusters:c:HttpRequest:ActivityTimeout"] = "soon",
        })));

        Assert.Contains("ReverseProxy:Routes:a:ClusterId 'missing' names no cluster", error.Message);
        Assert.Contains("ReverseProxy:Routes:a:Match:Path is required and must start with '/'", error.Message);
        Assert.Contains("ReverseProxy:Routes:a:MaxRequestBodySize must be a positive number of bytes", error.Message);
        Assert.Contains("ReverseProxy:Clusters:c:LoadBalancingPolicy 'Fastest' is unknown", error.Message);
        Assert.Contains("ReverseProxy:Clusters:c:Destinations:d:Address must be an absolute http(s) URL", error.Message);
        Assert.Contains("ReverseProxy:Clusters:c:HttpRequest:Version must be 1.0, 1.1, 2 or 3", error.Message);
        Assert.Contains("ReverseProxy:Clusters:c:HttpRequest:ActivityTimeout must be a positive time span", error.Message);
    }

    [Fact]
    public void TheGatewaysOwnAppsettingsAreValid()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Gateway", "appsettings.json");
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path)).Build();

        var config = ProxyConfigLoader.Load(configuration.GetSection("ReverseProxy"));

        Assert.Equal(["documents", "engagement", "identity", "identity-grpc", "nominations", "reporting", "reporting-http", "reviews", "web"], config.Clusters.Select(c => c.ClusterId).Order());
        Assert.All(config.Clusters.Where(c => c.ClusterId is not ("identity" or "web" or "reporting-http")), c => Assert.Equal(HttpVersion.Version20, c.HttpRequest!.Version));
    }
}
