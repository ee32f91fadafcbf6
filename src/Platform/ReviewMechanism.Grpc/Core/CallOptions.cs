namespace ReviewMechanism.Grpc;

/// <summary>Per-call options on the client: headers, deadline, cancellation, compression.</summary>
public readonly struct CallOptions
{
    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default, string? compression = null)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        Compression = compression;
    }

    public Metadata? Headers { get; }

    /// <summary>The deadline (UTC); sent as <c>grpc-timeout</c>.</summary>
    public DateTime? Deadline { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Request compression ("gzip"), or null for none.</summary>
    public string? Compression { get; }

    public CallOptions WithHeaders(Metadata headers) => new(headers, Deadline, CancellationToken, Compression);

    public CallOptions WithDeadline(DateTime deadline) => new(Headers, deadline, CancellationToken, Compression);

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => new(Headers, Deadline, cancellationToken, Compression);

    public CallOptions WithCompression(string? compression) => new(Headers, Deadline, CancellationToken, compression);
}
