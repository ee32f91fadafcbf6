using System.Net;
using System.Threading.Channels;

namespace ReviewMechanism.Grpc.Tests.Infrastructure;

/// <summary>
/// A request body the test writes piece by piece: each piece is flushed on its own (its own DATA
/// frame), so the server sees the bytes arrive in exactly those pieces.
/// </summary>
public sealed class StreamingContent : HttpContent
{
    private readonly Channel<byte[]> _pieces = Channel.CreateUnbounded<byte[]>();
    private readonly TimeSpan _pause;

    public StreamingContent(TimeSpan pause = default)
    {
        _pause = pause;
    }

    public static StreamingContent FromPieces(IEnumerable<byte[]> pieces, TimeSpan pause)
    {
        var content = new StreamingContent(pause);
        foreach (var piece in pieces)
        {
            content.Write(piece);
        }
        content.Complete();
        return content;
    }

    public void Write(byte[] piece) => _pieces.Writer.TryWrite(piece);

    /// <summary>Ends the request stream (END_STREAM).</summary>
    public void Complete() => _pieces.Writer.TryComplete();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await foreach (var piece in _pieces.Reader.ReadAllAsync())
        {
            await stream.WriteAsync(piece);
            await stream.FlushAsync();
            if (_pause > TimeSpan.Zero)
            {
                await Task.Delay(_pause);
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
