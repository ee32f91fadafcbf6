namespace ReviewMechanism.Grpc.Protocol;

/// <summary>Values of <c>-bin</c> headers: base64, sent without padding, accepted with or without.</summary>
public static class BinaryHeader
{
    public static string Encode(byte[] value) => Convert.ToBase64String(value).TrimEnd('=');

    public static byte[] Decode(string value)
    {
        var trimmed = value.Trim();
        var padding = (4 - trimmed.Length % 4) % 4;
        return Convert.FromBase64String(padding == 0 ? trimmed : trimmed + new string('=', padding));
    }
}
