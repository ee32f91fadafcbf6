using System.Buffers;
using System.Buffers.Binary;

namespace ReviewMechanism.Grpc.Protocol;

/// <summary>
/// The gRPC length-prefixed message: 1 byte compressed flag, 4 bytes big-endian length, the message.
/// </summary>
public static class MessageFraming
{
    public const int HeaderSize = 5;

    /// <summary>The default receive limit of gRPC implementations (4 MB).</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(1, 4), (uint)length);
    }

    /// <summary>
    /// Reads one frame header from a buffer that may hold partial data (reads split anywhere).
    /// Returns false while fewer than five bytes are buffered.
    /// </summary>
    public static bool TryReadHeader(in ReadOnlySequence<byte> buffer, out bool compressed, out uint length)
    {
        compressed = false;
        length = 0;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        if (header[0] > 1)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"Invalid compressed flag {header[0]} in a message frame (expected 0 or 1)."));
        }
        compressed = header[0] == 1;
        length = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(1));
        return true;
    }

    public static RpcException MessageTooLarge(long size, int limit, string direction) =>
        new(new Status(StatusCode.ResourceExhausted, $"{direction} message larger than max ({size} vs. {limit})"));
}
