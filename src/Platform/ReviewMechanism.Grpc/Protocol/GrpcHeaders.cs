namespace ReviewMechanism.Grpc.Protocol;

/// <summary>Header names and values of the gRPC over HTTP/2 protocol (PROTOCOL-HTTP2.md).</summary>
public static class GrpcHeaders
{
    public const string ContentType = "application/grpc";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string StatusDetails = "grpc-status-details-bin";
    public const string Timeout = "grpc-timeout";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";
    public const string TE = "te";
    public const string Trailers = "trailers";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";

    /// <summary>What this implementation can decode, advertised on every call.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>True for <c>application/grpc</c> and its <c>+proto</c>/<c>;param</c> forms.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (contentType.Length == ContentType.Length)
        {
            return true;
        }
        var next = contentType[ContentType.Length];
        return next is '+' or ';';
    }

    /// <summary>Headers that belong to HTTP/2 or the protocol itself, never exposed as call metadata.</summary>
    public static bool IsReserved(string name) =>
        name.StartsWith(':')
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals(TE, StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("user-agent", StringComparison.OrdinalIgnoreCase)
        || name.Equals(Timeout, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Encoding, StringComparison.OrdinalIgnoreCase)
        || name.Equals(AcceptEncoding, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Status, StringComparison.OrdinalIgnoreCase)
        || name.Equals(Message, StringComparison.OrdinalIgnoreCase)
        || name.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase);
}
