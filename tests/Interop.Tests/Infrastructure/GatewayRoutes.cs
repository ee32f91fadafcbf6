using System.Text.Json;
using System.Text.RegularExpressions;

namespace Interop.Tests.Infrastructure;

/// <summary>A gateway route to a gRPC service and what its edge policy asks of a token (src/Gateway/appsettings.json).</summary>
public sealed record GatewayRoute(string Name, string Policy, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles, long? MaxRequestBodySize)
{
    public bool Anonymous => Policy == "anonymous";
}

/// <summary>
/// The gateway's routes as its appsettings.json declares them (the file the gateway runs with), resolved per RPC the
/// way YARP matches them: a route whose path names methods (<c>/{service}/{method:regex(^(A|B)$)}</c>) takes those
/// methods before the service's catch-all route (<c>/{service}/{**rest}</c>); among matching routes the lower
/// <c>Order</c> wins.
/// </summary>
public static partial class GatewayRoutes
{
    private static readonly Lazy<IReadOnlyList<Candidate>> Candidates = new(Load);

    public static GatewayRoute? For(string service, string method) => Candidates.Value
        .Where(c => c.Service == service && (c.Methods is null || c.Methods.IsMatch(method)))
        .OrderBy(c => c.Order)
        .ThenBy(c => c.Methods is null ? 1 : 0)
        .Select(c => c.Route)
        .FirstOrDefault();

    private static List<Candidate> Load()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Gateway", "appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = settings.RootElement;
        var policies = root.GetProperty("Gateway").GetProperty("AuthorizationPolicies");
        var candidates = new List<Candidate>();
        foreach (var route in root.GetProperty("ReverseProxy").GetProperty("Routes").EnumerateObject())
        {
            var path = route.Value.GetProperty("Match").GetProperty("Path").GetString() ?? "";
            var segments = path.Split('/', 2, StringSplitOptions.RemoveEmptyEntries);
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
            var order = route.Value.TryGetProperty("Order", out var o) ? o.GetInt32() : 0;
            long? limit = route.Value.TryGetProperty("MaxRequestBodySize", out var m) ? m.GetInt64() : null;
            var methods = segments.Length > 1 && MethodConstraint().Match(segments[1]) is { Success: true } constraint
                ? new Regex(constraint.Groups["pattern"].Value, RegexOptions.CultureInvariant)
                : null;
            candidates.Add(new Candidate(segments[0], methods, order, new GatewayRoute(route.Name, policy, scopes, roles, limit)));
        }
        return candidates;
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) ? array.EnumerateArray().Select(e => e.GetString()!).ToList() : [];

    [GeneratedRegex(@"^\{[A-Za-z]+:regex\((?<pattern>.+)\)\}$")]
    private static partial Regex MethodConstraint();

    private sealed record Candidate(string Service, Regex? Methods, int Order, GatewayRoute Route);
}
