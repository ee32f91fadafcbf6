using System.Threading.Channels;
using Grpc.Core;

namespace Reviews.Tests.Support;

/// <summary>A server stream writer that hands each written message to the test.</summary>
public sealed class CollectingStream<T> : IServerStreamWriter<T>
{
    private readonly Channel<T> _messages = Channel.CreateUnbounded<T>();

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        _messages.Writer.TryWrite(message);
        return Task.CompletedTask;
    }

    public async Task<T> NextAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _messages.Reader.ReadAsync(cancel.Token);
    }
}
