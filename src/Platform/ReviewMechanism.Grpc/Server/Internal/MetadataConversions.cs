using Microsoft.AspNetCore.Http;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>Request headers as call metadata: protocol headers left out, <c>-bin</c> values decoded from base64.</summary>
internal static class MetadataConversions
{
    public static Metadata FromRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            var key = header.Key;
            if (GrpcHeaders.IsReserved(key) || !IsValidKey(key))
            {
                continue;
            }
            var binary = Metadata.IsBinaryKey(key);
            foreach (var value in header.Value)
            {
                if (value is null)
                {
                    continue;
                }
                if (binary)
                {
                    // Repeated binary headers may arrive joined with ','; each part is its own value.
                    foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (TryDecode(part, out var bytes))
                        {
                            metadata.Add(key, bytes);
                        }
                    }
                }
                else if (IsPrintableAscii(value))
                {
                    metadata.Add(key, value);
                }
            }
        }
        return metadata;
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
            var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.';
            if (!valid)
            {
                return false;
            }
        }
        return key.Length > 0;
    }

    private static bool IsPrintableAscii(string value)
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
