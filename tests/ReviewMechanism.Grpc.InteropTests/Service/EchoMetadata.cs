namespace ReviewMechanism.Grpc.InteropTests.Service;

/// <summary>
/// Echo Metadata: <c>x-grpc-test-echo-initial</c> goes back in the response headers,
/// <c>x-grpc-test-echo-trailing-bin</c> in the trailers (also when the call ends with an error).
/// </summary>
public static class EchoMetadata
{
    public const string InitialKey = "x-grpc-test-echo-initial";
    public const string TrailingKey = "x-grpc-test-echo-trailing-bin";

    /// <summary>Sends the response headers (echoed value plus <paramref name="extra"/>) and queues the echoed trailer.</summary>
    public static async Task BeginAsync(ServerCallContext context, Metadata? extra = null)
    {
        var trailing = context.RequestHeaders.GetValueBytes(TrailingKey);
        if (trailing is not null)
        {
            context.ResponseTrailers.Add(TrailingKey, trailing);
        }
        var headers = extra ?? new Metadata();
        foreach (var entry in context.RequestHeaders.GetAll(InitialKey))
        {
            headers.Add(InitialKey, entry.Value);
        }
        if (headers.Count > 0)
        {
            await context.WriteResponseHeadersAsync(headers);
        }
    }
}
