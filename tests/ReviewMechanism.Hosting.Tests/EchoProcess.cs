using System.Net.Http.Json;
using System.Text.Json.Serialization;
using ReviewMechanism.Hosting.Testing;

namespace ReviewMechanism.Hosting.Tests;

/// <summary>What the echo project reports about itself.</summary>
public sealed record EchoReport(
    [property: JsonPropertyName("startedAt")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("protocol")] string Protocol,
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("environment")] Dictionary<string, string?> Environment)
{
    public static async Task<EchoReport> GetAsync(DistributedApplication app, string resource, string endpoint = "http", int replica = 0)
    {
        using var client = app.CreateHttpClient(resource, endpoint, replica);
        return (await client.GetFromJsonAsync<EchoReport>("/env"))!;
    }
}
