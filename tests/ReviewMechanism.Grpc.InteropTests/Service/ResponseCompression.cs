using Grpc.Testing;

namespace ReviewMechanism.Grpc.InteropTests.Service;

/// <summary>CompressedResponse: <c>response_compressed</c> / <c>compressed</c> turn gzip on or off for the next message.</summary>
public static class ResponseCompression
{
    public const string Gzip = "gzip";
    public const string Identity = "identity";

    public static void Apply(BoolValue? compressed, ServerCallContext context)
    {
        if (compressed is not null)
        {
            context.ResponseCompression = compressed.Value ? Gzip : Identity;
        }
    }
}
