using System.Net;
using System.Threading.Channels;

namespace Gateway.Tests.Infrastructure;

/// <summary>A request body the test writes chunk by chunk while the call is open (as a client-streaming call sends).</summary>
public sealed class StreamingContent : HttpContent
{
    private readonly Channel<byte[]> _chunks = Channel.CreateUnbounded<byte[]>();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Send(byte[] bytes) => _chunks.Writer.TryWrite(bytes);

    public void Complete() => _chunks.Writer.TryComplete();

    /// <summary>Completes when HttpClient has finished sending (or failed).</summary>
    public Task Sent => _done.Task;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        try
        {
            await stream.FlushAsync();
            await foreach (var chunk in _chunks.Reader.ReadAllAsync())
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
            }
            _done.TrySetResult();
        }
        catch (Exception ex)
        {
            _done.TrySetException(ex);
            throw;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
