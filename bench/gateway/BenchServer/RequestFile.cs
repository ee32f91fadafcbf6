using Google.Protobuf;
using Grpc.Testing;

namespace BenchServer;

/// <summary>The framed SimpleRequest h2load sends: a payload of --request-size bytes asking --response-size bytes back.</summary>
internal static class RequestFile
{
    public static int Write(string[] args)
    {
        var request = new SimpleRequest
        {
            ResponseSize = Arguments.Int(args, "--response-size", 100),
            Payload = new Payload { Body = ByteString.CopyFrom(new byte[Arguments.Int(args, "--request-size", 100)]) },
        };
        File.WriteAllBytes(Arguments.Get(args, "--out"), Backend.Framed(request));
        return 0;
    }
}
