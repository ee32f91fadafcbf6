using ReviewMechanism.Bench;

namespace DocumentsBench;

/// <summary>
/// The run's identity stand-in (<see cref="BenchIssuer"/>) with one access token for the Documents service (sub, role,
/// party, scope documents) written to --token-file.
/// </summary>
internal static class Issuer
{
    public static Task<int> RunAsync(string[] args) =>
        BenchIssuer.RunAsync(Arguments.Get(args, "--issuer"), "documents-bench", Arguments.Int(args, "--port", 0), mint =>
            File.WriteAllTextAsync(Arguments.Get(args, "--token-file"), mint(new Dictionary<string, object>
            {
                ["sub"] = Arguments.Get(args, "--subject"),
                ["client_id"] = "documents-bench",
                ["scope"] = "documents",
                ["role"] = new[] { Arguments.Get(args, "--role") },
                ["party"] = new[] { Arguments.Get(args, "--party") },
                ["jti"] = Guid.NewGuid().ToString("N"),
            }, TimeSpan.FromHours(2))));
}
