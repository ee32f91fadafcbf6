using ReviewMechanism.Bench;

namespace BenchServer;

/// <summary>
/// The run's identity stand-in (<see cref="BenchIssuer"/>) with one partner access token (sub, client_id, scope reviews,
/// role Partner) written to --token-file.
/// </summary>
internal static class Issuer
{
    public static Task<int> RunAsync(string[] args) =>
        BenchIssuer.RunAsync(Arguments.Get(args, "--issuer"), "bench-key", Arguments.Int(args, "--port", 0), mint =>
            File.WriteAllTextAsync(Arguments.Get(args, "--token-file"), mint(
                new Dictionary<string, object> { ["sub"] = "bench-partner", ["client_id"] = "bench-partner", ["scope"] = "reviews", ["role"] = new[] { "Partner" } },
                TimeSpan.FromHours(2))));
}
