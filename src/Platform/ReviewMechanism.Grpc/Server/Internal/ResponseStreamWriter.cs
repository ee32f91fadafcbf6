using Google.Protobuf;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>The response stream of a server-streaming or duplex call. One write at a time.</summary>
internal sealed class ResponseStreamWriter<T> : IServerStreamWriter<T>
    where T : class, IMessage<T>
{
    private readonly HttpServerCallContext _call;
    private int _writing;

    public ResponseStreamWriter(HttpServerCallContext call)
    {
        _call = call;
    }

    public Task WriteAsync(T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Interlocked.Exchange(ref _writing, 1) == 1)
        {
            return Task.FromException(new InvalidOperationException("Can't write the message: a previous write is still pending."));
        }
        Task write;
        try
        {
            write = _call.WriteStreamMessageAsync(message, cancellationToken);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _writing, 0);
            return Task.FromException(ex);
        }
        if (write.IsCompleted)
        {
            Volatile.Write(ref _writing, 0);
            return write;
        }
        return AwaitWriteAsync(write);
    }

    private async Task AwaitWriteAsync(Task write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }
}
