using System.Net.Http.Headers;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Client.Internal;

/// <summary>Metadata to and from HTTP/2 header blocks (base64 for <c>-bin</c> keys).</summary>
internal static class MetadataConverter
{
    /// <summary>Adds an entry to request headers; false when the key belongs to the protocol and was skipped.</summary>
    public static bool TryAddToRequest(HttpRequestHeaders headers, Metadata.Entry entry)
    {
        if (GrpcHeaders.IsReserved(entry.Key))
        {
            return false;
        }
        if (!entry.IsBinary)
        {
            headers.TryAddWithoutValidation(entry.Key, entry.Value);
            return true;
        }
        var value = BinaryHeader.Encode(entry.ValueBytes);
        if (headers.NonValidated.TryGetValues(entry.Key, out var existing))
        {
            // HttpClient would join repeated values with ", "; binary values are joined with a bare ','
            // so every receiver can split them before decoding (PROTOCOL-HTTP2.md).
            value = existing.ToString() + "," + value;
            headers.Remove(entry.Key);
        }
        headers.TryAddWithoutValidation(entry.Key, value);
        return true;
    }

    /// <summary>The metadata of a response header or trailer block, protocol headers left out.</summary>
    public static Metadata FromHeaders(HttpHeaders headers)
    {
        var metadata = new Metadata();
        AddFrom(metadata, headers);
        return metadata;
    }

    public static void AddFrom(Metadata metadata, HttpHeaders headers)
    {
        foreach (var header in headers.NonValidated)
        {
            var key = header.Key;
            if (GrpcHeaders.IsReserved(key) || !IsValidKey(key))
            {
                continue;
            }
            var binary = Metadata.IsBinaryKey(key);
            foreach (var value in header.Value)
            {
                if (binary)
                {
                    // Repeated binary values may arrive joined with ',' (PROTOCOL-HTTP2.md): split before decoding.
                    foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (TryDecode(part, out var bytes))
                        {
                            metadata.Add(new Metadata.Entry(key, bytes));
                        }
                    }
                }
                else if (IsValidValue(value))
                {
                    metadata.Add(new Metadata.Entry(key, value.Trim()));
                }
            }
        }
    }

    private static bool TryDecode(string value, out byte[] bytes)
    {
        try
        {
            bytes = BinaryHeader.Decode(value);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static bool IsValidKey(string key)
    {
        foreach (var c in key)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }
        return key.Length > 0;
    }

    private static bool IsValidValue(string value)
    {
        foreach (var c in value)
        {
            if (c is < (char)0x20 or > (char)0x7E)
            {
                return false;
            }
        }
        return true;
    }
}
