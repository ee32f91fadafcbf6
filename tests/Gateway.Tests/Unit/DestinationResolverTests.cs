using Microsoft.Extensions.Configuration;
using ReviewMechanism.ReverseProxy.ServiceDiscovery;

namespace Gateway.Tests.Unit;

public sealed class DestinationResolverTests
{
    private static readonly DestinationResolver Resolver = new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        // As the AppHost's environment sets them (services__reviews__grpc__0 ...).
        ["services:reviews:grpc:0"] = "http://127.0.0.1:5123",
        ["services:reviews:grpc:1"] = "http://127.0.0.1:5124",
        ["services:reviews:http:0"] = "http://127.0.0.1:5122",
        ["services:identity:http:0"] = "http://127.0.0.1:5200/",
    }).Build());

    [Fact]
    public void NamedEndpointReferenceResolvesEveryReplica() =>
        Assert.Equal(["http://127.0.0.1:5123", "http://127.0.0.1:5124"], Resolver.Resolve("http://_grpc.reviews").Addresses);

    [Fact]
    public void SchemeNamesTheEndpointWhenNoneIsGiven() =>
        Assert.Equal(["http://127.0.0.1:5200"], Resolver.Resolve("http://identity").Addresses);

    [Fact]
    public void HttpsIsTriedBeforeHttp() =>
        Assert.Equal(["http://127.0.0.1:5122"], Resolver.Resolve("https+http://reviews").Addresses);

    [Fact]
    public void PathOfTheReferenceIsKept() =>
        Assert.Equal(["http://127.0.0.1:5200/base"], Resolver.Resolve("http://identity/base/").Addresses);

    [Fact]
    public void LiteralAddressesAreUsedAsWritten()
    {
        Assert.Equal(["http://10.0.0.5:8080"], Resolver.Resolve("http://10.0.0.5:8080").Addresses);
        Assert.Equal(["http://reviews.internal.example:80"], Resolver.Resolve("http://reviews.internal.example:80").Addresses);
        Assert.Equal(["http://localhost:5000"], Resolver.Resolve("http://localhost:5000").Addresses);
    }

    [Fact]
    public void UndeployedServiceResolvesToNothingWithTheKeyToSet()
    {
        var resolution = Resolver.Resolve("http://web");

        Assert.Empty(resolution.Addresses);
        Assert.Equal("service 'web' has no address in configuration (services:web:http:0 is not set)", resolution.Problem);
    }
}
