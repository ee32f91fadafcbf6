using System.Text.Json;

namespace Interop.Tests.Infrastructure;

/// <summary>A gateway route to a gRPC service and what its edge policy asks of a token (src/Gateway/appsettings.json).</summary>
public sealed record GatewayRoute(string Name, string Policy, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles)
{
    public bool Anonymous => Policy == "anonymous";
}

/// <summary>The gateway's routes as its appsettings.json declares them (the file the gateway runs with).</summary>
public static class GatewayRoutes
{
    private static readonly Lazy<IReadOnlyDictionary<string, GatewayRoute>> ByService = new(Load);

    public static GatewayRoute? For(string service) => ByService.Value.GetValueOrDefault(service);

    private static IReadOnlyDictionary<string, GatewayRoute> Load()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Gateway", "appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = settings.RootElement;
        var policies = root.GetProperty("Gateway").GetProperty("AuthorizationPolicies");
        var routes = new Dictionary<string, GatewayRoute>(StringComparer.Ordinal);
        foreach (var route in root.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject())
        {
            var path = route.Value.GetProperty("Match").GetProperty("Path").GetString() ?? "";
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0 || !segments[0].Contains('.', StringComparison.Ordinal))
            {
                continue;
            }
            var policy = route.Value.TryGetProperty("AuthorizationPolicy", out var p) ? p.GetString() ?? "default" : "default";
            IReadOnlyList<string> scopes = [], roles = [];
            if (policies.TryGetProperty(policy, out var declared))
            {
                scopes = Strings(declared, "Scopes");
                roles = Strings(declared, "Roles");
            }
            routes[segments[0]] = new GatewayRoute(route.Name, policy, scopes, roles);
        }
        return routes;
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
}
