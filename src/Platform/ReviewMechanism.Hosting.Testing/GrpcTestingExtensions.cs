using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Grpc.Core;
using Grpc.Net.Client;

namespace ReviewMechanism.Hosting.Testing;

/// <summary>Typed gRPC clients for any service (or the gateway) of a running application.</summary>
public static class GrpcTestingExtensions
{
    private static readonly ConditionalWeakTable<DistributedApplication, ConcurrentDictionary<(string, string, int), GrpcChannel>> Channels = [];

    /// <summary>
    /// A typed client on the resource's <c>grpc</c> endpoint (h2c), e.g.
    /// <c>app.CreateGrpcClient&lt;ReviewsService.ReviewsServiceClient&gt;("reviews")</c> or <c>("gateway")</c>.
    /// Clients share one channel per endpoint, disposed with the application.
    /// </summary>
    public static TClient CreateGrpcClient<TClient>(this DistributedApplication app, string resource, string endpoint = "grpc", int replica = 0)
        where TClient : ClientBase
    {
        var channels = Channels.GetValue(app, _ => new ConcurrentDictionary<(string, string, int), GrpcChannel>());
        var channel = channels.GetOrAdd((resource, endpoint, replica), key => app.DisposeWithApplication(app.CreateGrpcChannel(key.Item1, key.Item2, key.Item3)));
        return (TClient)(Activator.CreateInstance(typeof(TClient), (ChannelBase)channel)
            ?? throw new InvalidOperationException($"{typeof(TClient).Name} has no constructor taking a ChannelBase."));
    }

    /// <summary>A channel of its own on the resource's endpoint (the caller disposes it), for custom options: credentials, retries, interceptors.</summary>
    public static GrpcChannel CreateGrpcChannel(this DistributedApplication app, string resource, string endpoint = "grpc", int replica = 0, GrpcChannelOptions? options = null) =>
        GrpcChannel.ForAddress(app.GetEndpoint(resource, endpoint, replica), options ?? new GrpcChannelOptions());
}
