using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Proxy;

/// <summary>
/// The client's request body as YARP reads it to forward it: bytes are counted against the route's body limit as
/// they pass, without buffering. Over the limit, the read fails (YARP stops forwarding and cancels the service's request) and the
/// violation is recorded for <see cref="ProxyErrorMiddleware"/>; if the response had already started, the
/// client's stream is reset with ENHANCE_YOUR_CALM, which gRPC clients report as RESOURCE_EXHAUSTED.
/// </summary>
public sealed class LimitedRequestBody(Stream inner, HttpContext context, long maxBody) : Stream
{
    private const int EnhanceYourCalm = 0xB;
    private long _total;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own limit (YARP sets it from the route on requests that do not stream): the same answer.
            Refuse($"The request body is larger than the limit of {maxBody} bytes.");
            throw;
        }
        Check(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Check(buffer.AsSpan(offset, read));
        return read;
    }

    private void Check(ReadOnlySpan<byte> data)
    {
        _total += data.Length;
        if (_total > maxBody)
        {
            var problem = $"The request body is larger than the limit of {maxBody} bytes.";
            Refuse(problem);
            throw new IOException(problem);
        }
    }

    private void Refuse(string problem)
    {
        context.Features.Set(new RequestLimitViolation(problem));
        if (context.Response.HasStarted)
        {
            context.Features.Get<IHttpResetFeature>()?.Reset(EnhanceYourCalm);
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
