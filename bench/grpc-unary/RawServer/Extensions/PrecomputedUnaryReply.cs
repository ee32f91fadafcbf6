using System.Buffers.Binary;
using Google.Protobuf;
using Grpc.Testing;

namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>
/// A terminal middleware for <c>POST /grpc.testing.TestService/UnaryCall</c>: drains the request and writes one
/// reply computed at start (the SimpleResponse behind the 5-byte prefix every gRPC message carries: not compressed,
/// big-endian length), then <c>grpc-status: 0</c>. The reference point of the benchmark: what Kestrel alone costs.
/// </summary>
public static class PrecomputedUnaryReply
{
    private const string Path = "/grpc.testing.TestService/UnaryCall";

    public static void MapPrecomputedUnaryReply(this WebApplication app, int responseSize)
    {
        var message = new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[responseSize]) } }.ToByteArray();
        var reply = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(reply.AsSpan(1), (uint)message.Length);
        message.CopyTo(reply, 5);

        app.Run(async context =>
        {
            if (context.Request.Path != Path)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            var body = context.Request.BodyReader;
            while (true)
            {
                var read = await body.ReadAsync();
                body.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
            context.Response.ContentType = "application/grpc";
            await context.Response.BodyWriter.WriteAsync(reply);
            context.Response.AppendTrailer("grpc-status", "0");
            BenchHosting.CountCall();
        });
    }
}
