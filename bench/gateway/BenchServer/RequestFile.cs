using Google.Protobuf;
using Grpc.Testing;
using ReviewMechanism.Reviews.V1;

namespace BenchServer;

/// <summary>
/// The framed request h2load sends: a SimpleRequest with a payload of --request-size bytes asking --response-size
/// bytes back, or with --get-party ISO3 the Reviews service's GetPartyRequest for that party.
/// </summary>
internal static class RequestFile
{
    public static int Write(string[] args)
    {
        var party = Arguments.Get(args, "--get-party", "");
        IMessage request = party.Length > 0
            ? new GetPartyRequest { Iso3 = party }
            : new SimpleRequest
            {
                ResponseSize = Arguments.Int(args, "--response-size", 100),
                Payload = new Payload { Body = ByteString.CopyFrom(new byte[Arguments.Int(args, "--request-size", 100)]) },
            };
        File.WriteAllBytes(Arguments.Get(args, "--out"), Backend.Framed(request));
        return 0;
    }
}
