using Google.Protobuf;
using Grpc.Testing;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>
/// A terminal middleware for <c>POST /grpc.testing.TestService/UnaryCall</c>: drains the request
/// and writes a framed SimpleResponse computed once at start, then <c>grpc-status: 0</c>.
/// </summary>
public static class PrecomputedUnaryReply
{
    public static void MapPrecomputedUnaryReply(this WebApplication app, int responseSize)
    {
        var message = new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[responseSize]) } }.ToByteArray();
        var reply = new byte[MessageFraming.HeaderSize + message.Length];
        MessageFraming.WriteHeader(reply, compressed: false, message.Length);
        message.CopyTo(reply, MessageFraming.HeaderSize);
        var path = TestService.UnaryCallMethod.FullName;

        app.Run(async context =>
        {
            if (context.Request.Path != path)
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
            context.Response.ContentType = GrpcHeaders.ContentType;
            await context.Response.BodyWriter.WriteAsync(reply);
            context.Response.AppendTrailer(GrpcHeaders.Status, "0");
            BenchHosting.CountCall();
        });
    }
}
