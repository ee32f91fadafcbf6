using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// Reads length-prefixed messages from the request body's PipeReader. Frames may be split across
/// any number of reads (DATA frame boundaries mean nothing); the size limit is checked as soon as
/// a frame's five header bytes have arrived, before its body is buffered.
/// </summary>
internal static class RequestMessageReader
{
    /// <summary>Reads the single request message of a unary or server-streaming call.</summary>
    public static async ValueTask<T> ReadSingleAsync<T>(HttpServerCallContext call, MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        // No token: a deadline or a client reset aborts the request body, which ends this read.
        var reader = call.HttpContext.Request.BodyReader;
        T? message = null;
        while (true)
        {
            var result = await reader.ReadAsync().ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = false;
            try
            {
                if (result.IsCanceled)
                {
                    throw new OperationCanceledException("Reading the request was canceled.");
                }
                if (message is null && TryReadMessage(ref buffer, call, parser, out var parsed))
                {
                    message = parsed;
                    consumed = true;
                    call.State.Metrics.MessageReceived(call.State);
                }
                if (message is not null && !buffer.IsEmpty)
                {
                    throw new RpcException(new Status(StatusCode.Internal,
                        "A unary request must carry exactly one message, but more data followed the first message."));
                }
                if (result.IsCompleted)
                {
                    if (message is not null)
                    {
                        return message;
                    }
                    throw buffer.IsEmpty
                        ? new RpcException(new Status(StatusCode.Internal, "A unary request must carry exactly one message, but the request ended without any."))
                        : IncompleteMessage(buffer);
                }
            }
            finally
            {
                if (consumed)
                {
                    reader.AdvanceTo(buffer.Start);
                }
                else
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
        }
    }

    /// <summary>Reads the next message of a request stream, or null at its end.</summary>
    public static async ValueTask<T?> ReadNextAsync<T>(HttpServerCallContext call, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        var reader = call.HttpContext.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = false;
            try
            {
                if (result.IsCanceled)
                {
                    throw new OperationCanceledException("Reading the request was canceled.");
                }
                if (TryReadMessage(ref buffer, call, parser, out var message))
                {
                    consumed = true;
                    call.State.Metrics.MessageReceived(call.State);
                    return message;
                }
                if (result.IsCompleted)
                {
                    if (buffer.IsEmpty)
                    {
                        return null;
                    }
                    throw IncompleteMessage(buffer);
                }
            }
            finally
            {
                if (consumed)
                {
                    reader.AdvanceTo(buffer.Start);
                }
                else
                {
                    reader.AdvanceTo(buffer.Start, buffer.End);
                }
            }
        }
    }

    private static bool TryReadMessage<T>(ref ReadOnlySequence<byte> buffer, HttpServerCallContext call, MessageParser<T> parser, out T message)
        where T : class, IMessage<T>
    {
        message = null!;
        if (!MessageFraming.TryReadHeader(buffer, out var compressed, out var length))
        {
            return false;
        }
        var limit = call.State.MaxReceiveMessageSize;
        if (length > (uint)limit)
        {
            throw MessageFraming.MessageTooLarge(length, limit, "Received");
        }
        if (buffer.Length - MessageFraming.HeaderSize < length)
        {
            return false;
        }
        var payload = buffer.Slice(MessageFraming.HeaderSize, length);
        try
        {
            message = compressed
                ? parser.ParseFrom(Decompress(payload, call))
                : parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"The request message could not be parsed as {typeof(T).Name}: {ex.Message}"));
        }
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private static byte[] Decompress(in ReadOnlySequence<byte> payload, HttpServerCallContext call)
    {
        var encoding = call.HttpContext.Request.Headers.GrpcEncoding.ToString();
        if (string.IsNullOrEmpty(encoding) || encoding.Equals(GrpcHeaders.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            throw new RpcException(new Status(StatusCode.Internal,
                $"A request message is flagged as compressed but grpc-encoding is '{(string.IsNullOrEmpty(encoding) ? "(none)" : encoding)}'."));
        }
        if (!encoding.Equals(GrpcHeaders.GzipEncoding, StringComparison.OrdinalIgnoreCase))
        {
            // compression.md: UNIMPLEMENTED, naming the supported encodings, which grpc-accept-encoding lists.
            var trailers = new Metadata { { GrpcHeaders.AcceptEncoding, GrpcHeaders.SupportedEncodings } };
            throw new RpcException(
                new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcHeaders.SupportedEncodings}."),
                trailers);
        }
        return payload.IsSingleSegment
            ? GzipCompression.Decompress(payload.FirstSpan, call.State.MaxReceiveMessageSize, "Received")
            : GzipCompression.Decompress(payload.ToArray(), call.State.MaxReceiveMessageSize, "Received");
    }

    private static RpcException IncompleteMessage(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < MessageFraming.HeaderSize)
        {
            return new RpcException(new Status(StatusCode.Internal,
                $"Incomplete message: the request ended after {buffer.Length} byte(s) of a 5-byte message header."));
        }
        MessageFraming.TryReadHeader(buffer, out _, out var length);
        return new RpcException(new Status(StatusCode.Internal,
            $"Incomplete message: the request ended after {buffer.Length - MessageFraming.HeaderSize} of the {length} byte(s) its header announced."));
    }
}
