using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

/// <summary>An OTLP/HTTP (protobuf) receiver on a separate local Kestrel app that keeps every export it is sent.</summary>
public sealed class FakeOtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports;

    private FakeOtlpCollector(WebApplication app, ConcurrentQueue<(string, byte[])> exports)
    {
        _app = app;
        _exports = exports;
        Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Endpoint { get; }

    public static async Task<FakeOtlpCollector> StartAsync()
    {
        var exports = new ConcurrentQueue<(string, byte[])>();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            exports.Enqueue(("/v1/" + signal, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        });
        await app.StartAsync();
        return new FakeOtlpCollector(app, exports);
    }

    /// <summary>True when an export to <paramref name="path"/> contains every one of the strings (protobuf keeps strings as UTF-8).</summary>
    public bool Received(string path, params string[] texts) =>
        _exports.Any(e => e.Path == path && texts.All(t => Contains(e.Body, t)));

    public IReadOnlyList<string> Paths => _exports.Select(e => e.Path).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
