using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace ReviewMechanism.Grpc.Tests.Infrastructure;

/// <summary>gRPC length-prefixed framing by hand: 1 flag byte, 4 length bytes (big-endian), the payload.</summary>
public static class Frames
{
    public static byte[] Of(params IMessage[] messages) => Concat(messages.Select(m => Raw(0, m.ToByteArray())).ToArray());

    public static byte[] Raw(byte flag, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Gzipped(IMessage message) => Raw(1, Gzip(message.ToByteArray()));

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }

    public static byte[] Gunzip(byte[] data)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public static IReadOnlyList<(bool Compressed, byte[] Payload)> Split(byte[] body)
    {
        var messages = new List<(bool, byte[])>();
        var offset = 0;
        while (offset < body.Length)
        {
            if (body.Length - offset < 5)
            {
                throw new InvalidDataException($"Trailing {body.Length - offset} bytes are not a whole frame header.");
            }
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset + 1));
            if (body.Length - offset - 5 < length)
            {
                throw new InvalidDataException("The body ends inside a message.");
            }
            messages.Add((body[offset] == 1, body.AsSpan(offset + 5, length).ToArray()));
            offset += 5 + length;
        }
        return messages;
    }

    public static T Parse<T>(this (bool Compressed, byte[] Payload) frame, MessageParser<T> parser)
        where T : IMessage<T>
        => parser.ParseFrom(frame.Compressed ? Gunzip(frame.Payload) : frame.Payload);
}
