using System.Collections.Concurrent;
using Grpc.Net.Client;
using ReviewMechanism.Hosting;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>Grpc.Net.Client channels to the running application's resources (one per endpoint), disposed with the stack.</summary>
public sealed class ServiceChannels(DistributedApplication app) : IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new();

    /// <summary>A generated client on the resource's <c>grpc</c> endpoint (cleartext HTTP/2), e.g. <c>Client&lt;ReviewsService.ReviewsServiceClient&gt;("gateway")</c>.</summary>
    public TClient Client<TClient>(string resource)
        where TClient : global::Grpc.Core.ClientBase<TClient>
    {
        var channel = _channels.GetOrAdd(resource, r => GrpcChannel.ForAddress(app.GetEndpoint(r, "grpc")));
        return (TClient)Activator.CreateInstance(typeof(TClient), channel)!;
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
