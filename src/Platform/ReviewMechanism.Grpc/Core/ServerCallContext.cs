using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ReviewMechanism.Grpc;

/// <summary>What a server handler knows about the call it serves.</summary>
public abstract class ServerCallContext
{
    /// <summary>The full method path, <c>/{package.Service}/{Method}</c>.</summary>
    public abstract string Method { get; }

    public abstract string Host { get; }

    /// <summary>The remote address, in gRPC's form (<c>ipv4:1.2.3.4:5678</c>).</summary>
    public abstract string Peer { get; }

    /// <summary>The call's deadline in UTC, <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public abstract DateTime Deadline { get; }

    public abstract Metadata RequestHeaders { get; }

    /// <summary>Cancelled when the client cancels (RST_STREAM), disconnects or the deadline passes.</summary>
    public abstract CancellationToken CancellationToken { get; }

    /// <summary>Trailers sent with the status at the end of the call.</summary>
    public abstract Metadata ResponseTrailers { get; }

    /// <summary>The status to end the call with when the handler returns normally.</summary>
    public abstract Status Status { get; set; }

    /// <summary>The authenticated caller (empty identity when anonymous).</summary>
    public abstract ClaimsPrincipal User { get; }

    /// <summary>Compression for response messages: "gzip" or "identity"; null keeps the server default.</summary>
    public abstract string? ResponseCompression { get; set; }

    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);

    public abstract HttpContext GetHttpContext();
}
