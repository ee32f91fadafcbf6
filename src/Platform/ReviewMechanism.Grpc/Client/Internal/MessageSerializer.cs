using System.Buffers;
using System.Runtime.InteropServices;
using Google.Protobuf;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>
/// Length-prefixed messages on the client: serialized straight into a pooled frame buffer,
/// compressed per message when the call asks for it, and parsed (with the receive limit) from
/// the response pipe without copying.
/// </summary>
internal static class MessageSerializer
{
    public static RpcException SendTooLarge(long size, int limit) =>
        MessageFraming.MessageTooLarge(size, limit, "Sending");

    /// <summary>Writes one framed message; <paramref name="size"/> is <c>message.CalculateSize()</c>.</summary>
    public static async ValueTask WriteMessageAsync(Stream stream, IMessage message, int size, ICompressionProvider? compression, CancellationToken cancellationToken)
    {
        if (compression is null)
        {
            var frame = ArrayPool<byte>.Shared.Rent(MessageFraming.HeaderSize + size);
            try
            {
                MessageFraming.WriteHeader(frame, compressed: false, size);
                message.WriteTo(frame.AsSpan(MessageFraming.HeaderSize, size));
                await stream.WriteAsync(frame.AsMemory(0, MessageFraming.HeaderSize + size), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(frame);
            }
            return;
        }
        var payload = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            message.WriteTo(payload.AsSpan(0, size));
            await WritePayloadAsync(stream, payload.AsMemory(0, size), compression, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
        }
    }

    /// <summary>Writes an already serialized message as one frame, compressing it when asked.</summary>
    public static async ValueTask WritePayloadAsync(Stream stream, ReadOnlyMemory<byte> payload, ICompressionProvider? compression, CancellationToken cancellationToken)
    {
        if (compression is null)
        {
            var frame = ArrayPool<byte>.Shared.Rent(MessageFraming.HeaderSize + payload.Length);
            try
            {
                MessageFraming.WriteHeader(frame, compressed: false, payload.Length);
                payload.Span.CopyTo(frame.AsSpan(MessageFraming.HeaderSize));
                await stream.WriteAsync(frame.AsMemory(0, MessageFraming.HeaderSize + payload.Length), cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(frame);
            }
            return;
        }
        using var output = new PooledBufferStream(MessageFraming.HeaderSize + payload.Length / 2 + 64, MessageFraming.HeaderSize);
        using (var compressor = compression.CreateCompressionStream(output, null))
        {
            compressor.Write(payload.Span);
        }
        var length = (int)output.Length;
        MessageFraming.WriteHeader(output.Buffer, compressed: true, length - MessageFraming.HeaderSize);
        await stream.WriteAsync(output.Buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Takes one whole message off the front of <paramref name="buffer"/> when it is all there.
    /// Throws RESOURCE_EXHAUSTED as soon as a frame header announces more than the limit.
    /// </summary>
    public static bool TryReadMessage<T>(ref ReadOnlySequence<byte> buffer, MessageParser<T> parser, int? limit, ICompressionProvider? decompressor, string? encoding, out T? message)
        where T : class, IMessage<T>
    {
        message = null;
        if (!MessageFraming.TryReadHeader(buffer, out var compressed, out var length))
        {
            return false;
        }
        if (limit is { } max && length > (uint)max)
        {
            throw MessageFraming.MessageTooLarge(length, max, "Received");
        }
        if (buffer.Length - MessageFraming.HeaderSize < length)
        {
            return false;
        }
        var payload = buffer.Slice(MessageFraming.HeaderSize, length);
        if (!compressed)
        {
            message = parser.ParseFrom(payload);
        }
        else
        {
            if (decompressor is null)
            {
                throw new RpcException(encoding is null || encoding == GrpcHeaders.IdentityEncoding
                    ? new Status(StatusCode.Internal, "The server sent a compressed message without a grpc-encoding header.")
                    : new Status(StatusCode.Unimplemented, $"The server compressed a message with '{encoding}', which this client does not support (it accepts {GrpcHeaders.SupportedEncodings})."));
            }
            message = ParseCompressed(payload, parser, limit, decompressor);
        }
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private static T ParseCompressed<T>(ReadOnlySequence<byte> payload, MessageParser<T> parser, int? limit, ICompressionProvider decompressor)
        where T : class, IMessage<T>
    {
        byte[]? copy = null;
        byte[] output = ArrayPool<byte>.Shared.Rent(Math.Max(4096, (int)Math.Min(payload.Length * 4, limit ?? int.MaxValue)));
        try
        {
            MemoryStream input;
            if (payload.IsSingleSegment && MemoryMarshal.TryGetArray(payload.First, out var segment))
            {
                input = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            }
            else
            {
                copy = ArrayPool<byte>.Shared.Rent((int)payload.Length);
                payload.CopyTo(copy);
                input = new MemoryStream(copy, 0, (int)payload.Length, writable: false);
            }
            var total = 0;
            try
            {
                using var decompression = decompressor.CreateDecompressionStream(input);
                int read;
                while ((read = decompression.Read(output, total, output.Length - total)) > 0)
                {
                    total += read;
                    if (limit is { } max && total > max)
                    {
                        throw MessageFraming.MessageTooLarge(total, max, "Received");
                    }
                    if (total == output.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(output.Length * 2);
                        output.AsSpan(0, total).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(output);
                        output = bigger;
                    }
                }
            }
            catch (InvalidDataException ex)
            {
                throw new RpcException(new Status(StatusCode.Internal, $"Could not decompress a {decompressor.EncodingName} message from the server: {ex.Message}"));
            }
            return parser.ParseFrom(output.AsSpan(0, total));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
            if (copy is not null)
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }
    }
}
