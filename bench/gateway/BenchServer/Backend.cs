using System.Net;
using Google.Protobuf;
using Grpc.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace BenchServer;

/// <summary>
/// The service behind the gateway: <c>grpc</c> is Grpc.AspNetCore with TestService/UnaryCall (a real service
/// pipeline); <c>raw</c> is Kestrel answering with a precomputed length-prefixed reply (the floor).
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
            builder.Services.AddGrpc();
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
                context.Response.ContentType = "application/grpc";
                await context.Response.Body.WriteAsync(reply, context.RequestAborted);
                context.Response.AppendTrailer("grpc-status", "0");
            });
        }
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Console.WriteLine($"LISTENING {address.Port}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    /// <summary>A message as h2load sends it and the raw backend answers: flag byte 0, big-endian length, bytes.</summary>
    internal static byte[] Framed(IMessage message)
    {
        var body = message.ToByteArray();
        var framed = new byte[5 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)body.Length);
        body.CopyTo(framed, 5);
        return framed;
    }
}
