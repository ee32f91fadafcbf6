extern alias gateway;

using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using gateway::Gateway.Revocation;
using Microsoft.IdentityModel.JsonWebTokens;

namespace BenchServer;

/// <summary>
/// What the gateway's revocation check costs per call, in process: the claims read from the validated token
/// (jti, sub, iat) and the two lookups in a list holding --revoked token ids and --disabled subjects, for tokens
/// that are not revoked (every ordinary call) and tokens that are. Prints the process's CPU time per check (what
/// the check costs when the machine is shared) and the elapsed time. With <c>--claims DIR</c>, also on the
/// principals of identity's real access tokens (DIR/*.json: recorded payloads, see bench/gateway/claims), each
/// not revoked and revoked, in the same run.
/// </summary>
internal static class RevocationCost
{
    public static int Run(string[] args)
    {
        var revoked = Arguments.Int(args, "--revoked", 10_000);
        var disabled = Arguments.Int(args, "--disabled", 1_000);
        var calls = Arguments.Int(args, "--calls", 5_000_000);
        var list = new RevocationList(TimeProvider.System) { Enabled = true };
        var until = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeMilliseconds();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        for (var i = 0; i < revoked; i++)
        {
            list.RevokeToken($"revoked-{i}", until);
        }
        for (var i = 0; i < disabled; i++)
        {
            list.RevokeSubject($"disabled-{i}", now, until);
        }
        var ordinary = Principal(Guid.NewGuid().ToString("N"), "partner-ministry", now);
        var refused = Principal("revoked-17", "partner-ministry", now);
        var cases = new List<(string Name, ClaimsPrincipal Principal, bool Expected)> { ("not revoked", ordinary, false), ("revoked jti", refused, true) };
        if (Arguments.Get(args, "--claims", "-") is var folder && folder != "-")
        {
            foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                var payload = File.ReadAllText(file).Trim();
                cases.Add(($"identity {name} token, not revoked", FromPayload(payload), false));
                // The same token with another id (same claims, same order), that id revoked.
                var ordinaryToken = FromPayload(payload);
                var revokedId = Guid.NewGuid().ToString();
                var revokedToken = FromPayload(payload.Replace(ordinaryToken.FindFirst("jti")!.Value, revokedId, StringComparison.Ordinal));
                list.RevokeToken(revokedId, until);
                cases.Add(($"identity {name} token, revoked jti", revokedToken, true));
            }
        }
        foreach (var (name, principal, expected) in cases)
        {
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                for (var i = 0; i < calls; i++)
                {
                    if (Check(list, principal) != expected)
                    {
                        throw new InvalidOperationException("The check answered wrongly.");
                    }
                }
                var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                Console.WriteLine($"{name}: {cpuUsed.TotalNanoseconds / calls:0.0} ns of CPU per call ({clock.Elapsed.TotalNanoseconds / calls:0.0} ns elapsed; {revoked} revoked ids, {disabled} disabled subjects), round {round + 1}");
            }
        }
        return 0;
    }

    /// <summary>What RevocationCheck.OnTokenValidatedAsync does for each call.</summary>
    private static bool Check(RevocationList list, ClaimsPrincipal principal)
    {
        var issuedAt = long.TryParse(principal.FindFirst("iat")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var iat) ? iat : (long?)null;
        return list.IsRevoked(principal.FindFirst("jti")?.Value, principal.FindFirst("sub")?.Value, issuedAt);
    }

    /// <summary>The principal JwtBearer builds from a validated token with MapInboundClaims off: its claims as issued, in order.</summary>
    private static ClaimsPrincipal FromPayload(string payload)
    {
        var token = new JsonWebToken("""{"alg":"RS256","typ":"at+jwt"}""", payload);
        return new ClaimsPrincipal(new ClaimsIdentity(token.Claims, "Bearer"));
    }

    private static ClaimsPrincipal Principal(string jti, string sub, long iat) => new(new ClaimsIdentity(
    [
        new Claim("iss", "https://gateway.bench.test/"), new Claim("aud", "review-mechanism"), new Claim("sub", sub),
        new Claim("client_id", sub), new Claim("scope", "reviews"), new Claim("role", "Partner"), new Claim("jti", jti),
        new Claim("iat", iat.ToString(CultureInfo.InvariantCulture)), new Claim("exp", (iat + 600).ToString(CultureInfo.InvariantCulture)),
    ], "Bearer"));
}
