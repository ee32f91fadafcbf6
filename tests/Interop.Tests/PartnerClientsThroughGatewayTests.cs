using System.Text.Json;
using Interop.Tests.Infrastructure;

namespace Interop.Tests;

/// <summary>
/// Partner systems on gRPC implementations nobody here wrote (grpc-js, grpcio) call the product's real services
/// through the gateway: health, reflection of every service, a unary and a server-streaming RPC of Reviews, a call
/// refused for want of a token, and a 100 kB field answered short enough for any client to read.
/// </summary>
[Collection(ProductStackCollection.Name)]
public sealed class PartnerClientsThroughGatewayTests(ProductStack stack)
{
    [Fact]
    public async Task AGrpcJsPartnerSeesHealthReflectionAUnaryAndAStreamingCallAndARefusal()
    {
        await stack.StoreNoticeForAsync("interop-grpc-js");
        AssertPartnerSawTheProduct(await PartnerClient.GrpcJsAsync(stack.GatewayGrpc, FocalPointToken("interop-grpc-js")));
    }

    [Fact]
    public async Task AGrpcioPartnerSeesHealthReflectionAUnaryAndAStreamingCallAndARefusal()
    {
        await stack.StoreNoticeForAsync("interop-grpcio");
        AssertPartnerSawTheProduct(await PartnerClient.GrpcioAsync(stack.GatewayGrpc, FocalPointToken("interop-grpcio")));
    }

    private string FocalPointToken(string person) => stack.Token(person, ["FocalPoint"], "reviews nominations", party: "AUT");

    private static void AssertPartnerSawTheProduct(JsonElement seen)
    {
        var client = seen.GetProperty("client").GetString();

        var health = seen.GetProperty("health");
        Assert.True(health.GetProperty("code").GetString() == "OK", $"{client}: health {health}");
        Assert.Equal("SERVING", health.GetProperty("status").GetString());

        // Reflection lists every service of the contracts (and the gateway's health and reflection), each with its methods.
        var reflection = seen.GetProperty("reflection");
        Assert.True(reflection.GetProperty("code").GetString() == "OK", $"{client}: reflection {reflection}");
        var listed = reflection.GetProperty("services").EnumerateArray().Select(s => s.GetString()!).ToHashSet();
        foreach (var service in RpcCatalog.Services)
        {
            Assert.True(listed.Contains(service.FullName), $"{client}: reflection does not list {service.FullName}");
            var methods = reflection.GetProperty("methods").GetProperty(service.FullName).EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.Equal(service.Methods.Select(m => m.Name), methods);
        }
        Assert.Contains("grpc.health.v1.Health", listed);
        Assert.Contains("grpc.reflection.v1.ServerReflection", listed);

        // Unary: the parties of the Convention, from the reviews service.
        var unary = seen.GetProperty("unary");
        Assert.True(unary.GetProperty("code").GetString() == "OK", $"{client}: ListParties {unary}");
        Assert.True(unary.GetProperty("count").GetInt32() > 100, $"{client}: ListParties {unary}");

        // Server streaming: the feed streams the unread notice stored for this caller; the client then cancels the watch.
        var stream = seen.GetProperty("stream");
        Assert.True(stream.GetProperty("messages").GetInt32() == 1, $"{client}: WatchNotifications {stream}");
        Assert.True(stream.GetProperty("code").GetString() == "CANCELLED", $"{client}: WatchNotifications {stream}");

        // Refused: no token, told why, as a gRPC status.
        var refused = seen.GetProperty("refused");
        Assert.Equal("UNAUTHENTICATED", refused.GetProperty("code").GetString());
        Assert.Contains("access token", refused.GetProperty("details").GetString(), StringComparison.Ordinal);

        // 100 kB of text in GetParty's iso3: INVALID_ARGUMENT, its message short (the input quoted cut).
        var oversize = seen.GetProperty("oversize");
        Assert.True(oversize.GetProperty("code").GetString() == "INVALID_ARGUMENT", $"{client}: GetParty 100 kB {oversize}");
        Assert.InRange(oversize.GetProperty("details").GetString()!.Length, 1, 400);
    }
}
