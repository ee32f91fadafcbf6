using Google.Protobuf;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>What the public call objects need from a call in flight (a plain call or a retrying one).</summary>
internal interface IClientCall<TRequest, TResponse> : IAsyncStreamReader<TResponse>, IClientStreamWriter<TRequest>, IDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    Task<Metadata> GetResponseHeadersAsync();

    Status GetStatus();

    Metadata GetTrailers();
}

/// <summary>Static accessors handed to the call objects with the call as state: no closure per call.</summary>
internal static class ClientCallAccessors<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public static readonly Func<object, Task<Metadata>> ResponseHeaders = static state => ((IClientCall<TRequest, TResponse>)state).GetResponseHeadersAsync();

    public static readonly Func<object, Status> Status = static state => ((IClientCall<TRequest, TResponse>)state).GetStatus();

    public static readonly Func<object, Metadata> Trailers = static state => ((IClientCall<TRequest, TResponse>)state).GetTrailers();

    public static readonly Action<object> Dispose = static state => ((IClientCall<TRequest, TResponse>)state).Dispose();
}
