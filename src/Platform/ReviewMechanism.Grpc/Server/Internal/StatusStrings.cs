using Microsoft.Extensions.Primitives;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>Header values preallocated so the hot path writes no new strings.</summary>
internal static class StatusStrings
{
    private static readonly StringValues[] Codes = CreateCodes();

    public static readonly StringValues GrpcContentType = new(Protocol.GrpcHeaders.ContentType);
    public static readonly StringValues Gzip = new(Protocol.GrpcHeaders.GzipEncoding);
    public static readonly StringValues SupportedEncodings = new(Protocol.GrpcHeaders.SupportedEncodings);

    public static StringValues For(StatusCode code)
    {
        var index = (int)code;
        return (uint)index < (uint)Codes.Length ? Codes[index] : new StringValues(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static StringValues[] CreateCodes()
    {
        var codes = new StringValues[17];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = new StringValues(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return codes;
    }
}
