using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>
/// What both .NET benchmark servers share: cleartext HTTP/2 on a loopback port (0 = random),
/// ASP.NET Core's log level a service gets from ServiceDefaults (Warning), a call counter and <c>GET /bench/stats</c>
/// (calls served and bytes allocated so far) for the allocations-per-call figure.
/// </summary>
public static class BenchHosting
{
    private static long s_calls;

    public static void CountCall() => Interlocked.Increment(ref s_calls);

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var port = builder.Configuration.GetValue("port", 0);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        return builder;
    }

    /// <summary>Answers <c>GET /bench/stats</c> ahead of everything else, without routing.</summary>
    public static void UseBenchStats(this WebApplication app) =>
        app.Use((context, next) => context.Request.Path == "/bench/stats"
            ? context.Response.WriteAsync($"{{\"calls\":{Interlocked.Read(ref s_calls)},\"allocatedBytes\":{GC.GetTotalAllocatedBytes(precise: true)},\"gen0\":{GC.CollectionCount(0)},\"gen1\":{GC.CollectionCount(1)},\"gen2\":{GC.CollectionCount(2)}}}")
            : next(context));

    /// <summary>Starts the server and prints <c>LISTENING port</c> for run.sh, then runs until stopped.</summary>
    public static async Task RunAndAnnounceAsync(this WebApplication app)
    {
        await app.StartAsync();
        Console.WriteLine($"LISTENING {new Uri(app.Urls.Single()).Port}");
        await app.WaitForShutdownAsync();
    }
}
