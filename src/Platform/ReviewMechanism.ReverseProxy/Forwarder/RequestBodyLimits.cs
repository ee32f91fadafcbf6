namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>A route's request size limits (null: none of the proxy's own).</summary>
public sealed record RequestBodyLimits(long? MaxBodySize, long? MaxGrpcMessageSize)
{
    public static readonly RequestBodyLimits None = new(null, null);

    public bool Any => MaxBodySize is not null || MaxGrpcMessageSize is not null;
}
