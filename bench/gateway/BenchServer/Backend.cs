using System.Net;
using Google.Protobuf;
using Grpc.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ReviewMechanism.Grpc.Protocol;

namespace BenchServer;

/// <summary>
/// The service behind the gateway: <c>grpc</c> is the library's gRPC server with TestService/UnaryCall
/// (a real service pipeline); <c>raw</c> is Kestrel answering with a precomputed framed reply (the floor).
/// Cleartext HTTP/2 only. Prints "LISTENING port".
/// </summary>
internal static class Backend
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mode = Arguments.Get(args, "--mode", "grpc");
        var port = Arguments.Int(args, "--port", 0);
        var responseSize = Arguments.Int(args, "--response-size", 100);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        if (mode == "grpc")
        {
            builder.Services.AddGrpcServer(options => options.EnableCallLogging = false);
        }
        var app = builder.Build();
        if (mode == "grpc")
        {
            app.MapGrpcService<BenchTestService>();
        }
        else
        {
            var reply = Framed(new SimpleResponse { Payload = new Payload { Body = ByteString.CopyFrom(new byte[responseSize]) } });
            app.MapPost("/grpc.testing.TestService/UnaryCall", async context =>
            {
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
                context.Response.ContentType = GrpcHeaders.ContentType;
                await context.Response.Body.WriteAsync(reply, context.RequestAborted);
                context.Response.AppendTrailer(GrpcHeaders.Status, "0");
            });
        }
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Console.WriteLine($"LISTENING {address.Port}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    internal static byte[] Framed(IMessage message)
    {
        var body = message.ToByteArray();
        var framed = new byte[MessageFraming.HeaderSize + body.Length];
        MessageFraming.WriteHeader(framed, compressed: false, body.Length);
        body.CopyTo(framed, MessageFraming.HeaderSize);
        return framed;
    }
}
