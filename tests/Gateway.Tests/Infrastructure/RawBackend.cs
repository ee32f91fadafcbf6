using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Gateway.Tests.Infrastructure;

/// <summary>What a backend saw of one request.</summary>
public sealed record SeenRequest(string Method, string Path, string Protocol, IReadOnlyDictionary<string, string[]> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;
}

/// <summary>
/// A Kestrel server the test fully controls: cleartext HTTP/2 only (what gRPC backends speak) or
/// HTTP/1.1, on a random port, answering with whatever <see cref="Handler"/> does (hand-framed gRPC,
/// trailers, resets, delays). Records the requests it saw.
/// </summary>
public sealed class RawBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawBackend(WebApplication app, string name)
    {
        _app = app;
        Name = name;
    }

    public string Name { get; }

    public Uri Address { get; private set; } = null!;

    public Func<HttpContext, Task> Handler { get; set; } = context => Task.CompletedTask;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int RequestCount => Requests.Count;

    public static async Task<RawBackend> StartAsync(ITestOutputHelper? output = null, string name = "backend", HttpProtocols protocols = HttpProtocols.Http2, Func<HttpContext, Task>? handler = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new TestLogging(output, name));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var backend = new RawBackend(app, name);
        if (handler is not null)
        {
            backend.Handler = handler;
        }
        app.Run(async context =>
        {
            backend.Requests.Enqueue(new SeenRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Protocol,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase)));
            await backend.Handler(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        backend.Address = new Uri(address);
        return backend;
    }

    public SeenRequest LastRequest => Requests.Last();

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
