using Microsoft.AspNetCore.Http;

namespace ReviewMechanism.Grpc.Client.Tests.Infrastructure;

/// <summary>What a test endpoint received, captured for assertions after the call.</summary>
public sealed record SeenRequest(string Protocol, string Path, IReadOnlyDictionary<string, string> Headers, IReadOnlyList<WireFrame> Frames)
{
    public static SeenRequest Capture(HttpContext context, IReadOnlyList<WireFrame> frames) => new(
        context.Request.Protocol,
        context.Request.Path.Value ?? "",
        context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
        frames);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
