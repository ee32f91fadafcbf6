using System.Buffers.Binary;

namespace Gateway.Proxy;

/// <summary>
/// Follows the gRPC length-prefixed framing (1 flag byte, 4-byte big-endian length, payload) as request
/// bytes pass through, however they are split, and reports the first message longer than the limit.
/// The bytes are not touched or buffered.
/// </summary>
public sealed class GrpcMessageSizeMeter(long limit)
{
    private readonly byte[] _header = new byte[5];

    public long Limit => limit;
    private int _headerFilled;
    private long _payloadRemaining;

    /// <summary>The declared length of the message that broke the limit, once one did.</summary>
    public long? OversizedMessageLength { get; private set; }

    /// <summary>Feeds the next bytes; false once a message over the limit has started.</summary>
    public bool Observe(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (_payloadRemaining > 0)
            {
                var take = (int)Math.Min(_payloadRemaining, data.Length);
                _payloadRemaining -= take;
                data = data[take..];
                continue;
            }
            var copy = Math.Min(5 - _headerFilled, data.Length);
            data[..copy].CopyTo(_header.AsSpan(_headerFilled));
            _headerFilled += copy;
            data = data[copy..];
            if (_headerFilled < 5)
            {
                break;
            }
            _headerFilled = 0;
            var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(1));
            if (length > limit)
            {
                OversizedMessageLength = length;
                return false;
            }
            _payloadRemaining = length;
        }
        return true;
    }
}
