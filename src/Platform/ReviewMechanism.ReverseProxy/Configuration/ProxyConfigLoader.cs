using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace ReviewMechanism.ReverseProxy.Configuration;

/// <summary>
/// Reads <c>ReverseProxy:Routes</c> and <c>ReverseProxy:Clusters</c> (YARP's shape). Every problem is
/// collected and reported at once, naming the configuration key, so a wrong file fails at start.
/// </summary>
public static class ProxyConfigLoader
{
    public static ProxyConfig Load(IConfiguration proxySection)
    {
        var errors = new List<string>();
        var clusters = new List<ClusterConfig>();
        foreach (var section in proxySection.GetSection("Clusters").GetChildren())
        {
            clusters.Add(ReadCluster(section, errors));
        }
        var routes = new List<RouteConfig>();
        foreach (var section in proxySection.GetSection("Routes").GetChildren())
        {
            routes.Add(ReadRoute(section, errors));
        }
        var clusterIds = clusters.Select(c => c.ClusterId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var route in routes)
        {
            if (!string.IsNullOrEmpty(route.ClusterId) && !clusterIds.Contains(route.ClusterId))
            {
                errors.Add($"ReverseProxy:Routes:{route.RouteId}:ClusterId '{route.ClusterId}' names no cluster in ReverseProxy:Clusters.");
            }
        }
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The reverse proxy configuration is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", errors));
        }
        return new ProxyConfig(routes, clusters);
    }

    private static RouteConfig ReadRoute(IConfigurationSection section, List<string> errors)
    {
        var key = $"ReverseProxy:Routes:{section.Key}";
        var clusterId = section["ClusterId"];
        if (string.IsNullOrWhiteSpace(clusterId))
        {
            errors.Add($"{key}:ClusterId is required.");
        }
        var match = section.GetSection("Match");
        var path = match["Path"];
        if (string.IsNullOrWhiteSpace(path) || !path.StartsWith('/'))
        {
            errors.Add($"{key}:Match:Path is required and must start with '/' (e.g. /pkg.Service/{{**rest}}).");
        }
        var transforms = new List<IReadOnlyDictionary<string, string>>();
        foreach (var transform in section.GetSection("Transforms").GetChildren())
        {
            transforms.Add(transform.GetChildren().ToDictionary(c => c.Key, c => c.Value ?? "", StringComparer.OrdinalIgnoreCase));
        }
        return new RouteConfig
        {
            RouteId = section.Key,
            ClusterId = clusterId ?? "",
            Match = new RouteMatch { Path = path, Methods = ReadList(match.GetSection("Methods")), Hosts = ReadList(match.GetSection("Hosts")) },
            Order = ReadInt(section, "Order", key, errors),
            AuthorizationPolicy = NullIfEmpty(section["AuthorizationPolicy"]),
            RateLimiterPolicy = NullIfEmpty(section["RateLimiterPolicy"]),
            MaxRequestBodySize = ReadLong(section, "MaxRequestBodySize", key, errors),
            MaxRequestMessageSize = ReadLong(section, "MaxRequestMessageSize", key, errors),
            Transforms = transforms,
        };
    }

    private static ClusterConfig ReadCluster(IConfigurationSection section, List<string> errors)
    {
        var key = $"ReverseProxy:Clusters:{section.Key}";
        var destinations = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        foreach (var destination in section.GetSection("Destinations").GetChildren())
        {
            var address = destination["Address"];
            if (string.IsNullOrWhiteSpace(address) || !Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps && !uri.Scheme.Contains('+')))
            {
                errors.Add($"{key}:Destinations:{destination.Key}:Address must be an absolute http(s) URL, got '{address}'.");
                continue;
            }
            destinations[destination.Key] = new DestinationConfig { Address = address };
        }
        if (destinations.Count == 0 && !section.GetSection("Destinations").GetChildren().Any())
        {
            errors.Add($"{key}:Destinations needs at least one destination.");
        }
        var policy = NullIfEmpty(section["LoadBalancingPolicy"]);
        if (policy is not null && !LoadBalancing.LoadBalancingPolicies.IsKnown(policy))
        {
            errors.Add($"{key}:LoadBalancingPolicy '{policy}' is unknown (use {string.Join(", ", LoadBalancing.LoadBalancingPolicies.Names)}).");
        }
        var passive = section.GetSection("HealthCheck:Passive");
        PassiveHealthCheckConfig? passiveConfig = null;
        if (passive.Exists())
        {
            var passivePolicy = NullIfEmpty(passive["Policy"]);
            if (passivePolicy is not null && !passivePolicy.Equals("ConsecutiveFailures", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{key}:HealthCheck:Passive:Policy '{passivePolicy}' is unknown (use ConsecutiveFailures).");
            }
            var failures = ReadInt(passive, "ConsecutiveFailures", $"{key}:HealthCheck:Passive", errors);
            if (failures is < 1)
            {
                errors.Add($"{key}:HealthCheck:Passive:ConsecutiveFailures must be at least 1.");
            }
            passiveConfig = new PassiveHealthCheckConfig
            {
                Enabled = ReadBool(passive, "Enabled", $"{key}:HealthCheck:Passive", errors) ?? false,
                Policy = passivePolicy,
                ConsecutiveFailures = failures,
                ReactivationPeriod = ReadTimeSpan(passive, "ReactivationPeriod", $"{key}:HealthCheck:Passive", errors),
            };
        }
        var client = section.GetSection("HttpClient");
        var request = section.GetSection("HttpRequest");
        return new ClusterConfig
        {
            ClusterId = section.Key,
            LoadBalancingPolicy = policy,
            Destinations = destinations,
            HealthCheck = passiveConfig is null ? null : new HealthCheckConfig { Passive = passiveConfig },
            HttpClient = client.Exists()
                ? new HttpClientConfig
                {
                    MaxConnectionsPerServer = ReadInt(client, "MaxConnectionsPerServer", $"{key}:HttpClient", errors),
                    EnableMultipleHttp2Connections = ReadBool(client, "EnableMultipleHttp2Connections", $"{key}:HttpClient", errors),
                    ConnectTimeout = ReadTimeSpan(client, "ConnectTimeout", $"{key}:HttpClient", errors),
                }
                : null,
            HttpRequest = request.Exists()
                ? new ForwarderRequestConfig
                {
                    ActivityTimeout = ReadTimeSpan(request, "ActivityTimeout", $"{key}:HttpRequest", errors),
                    Version = ReadVersion(request, $"{key}:HttpRequest", errors),
                    VersionPolicy = ReadEnum<HttpVersionPolicy>(request, "VersionPolicy", $"{key}:HttpRequest", errors),
                }
                : null,
        };
    }

    private static IReadOnlyList<string> ReadList(IConfigurationSection section) =>
        section.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray();

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? ReadInt(IConfigurationSection section, string name, string key, List<string> errors)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result))
        {
            return result;
        }
        errors.Add($"{key}:{name} must be an integer, got '{value}'.");
        return null;
    }

    private static long? ReadLong(IConfigurationSection section, string name, string key, List<string> errors)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result) && result > 0)
        {
            return result;
        }
        errors.Add($"{key}:{name} must be a positive number of bytes, got '{value}'.");
        return null;
    }

    private static bool? ReadBool(IConfigurationSection section, string name, string key, List<string> errors)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (bool.TryParse(value, out var result))
        {
            return result;
        }
        errors.Add($"{key}:{name} must be true or false, got '{value}'.");
        return null;
    }

    private static TimeSpan? ReadTimeSpan(IConfigurationSection section, string name, string key, List<string> errors)
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var result) && result > TimeSpan.Zero)
        {
            return result;
        }
        errors.Add($"{key}:{name} must be a positive time span (hh:mm:ss), got '{value}'.");
        return null;
    }

    private static Version? ReadVersion(IConfigurationSection section, string key, List<string> errors)
    {
        var value = section["Version"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Contains('.') ? value : value + ".0";
        if (Version.TryParse(text, out var version) && (version == HttpVersion.Version10 || version == HttpVersion.Version11 || version == HttpVersion.Version20 || version == HttpVersion.Version30))
        {
            return version;
        }
        errors.Add($"{key}:Version must be 1.0, 1.1, 2 or 3, got '{value}'.");
        return null;
    }

    private static T? ReadEnum<T>(IConfigurationSection section, string name, string key, List<string> errors)
        where T : struct, Enum
    {
        var value = section[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (Enum.TryParse<T>(value, ignoreCase: true, out var result) && Enum.IsDefined(result))
        {
            return result;
        }
        errors.Add($"{key}:{name} must be one of {string.Join(", ", Enum.GetNames<T>())}, got '{value}'.");
        return null;
    }
}

/// <summary>The routes and clusters read from configuration.</summary>
public sealed record ProxyConfig(IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters);
