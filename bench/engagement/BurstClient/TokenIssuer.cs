using ReviewMechanism.Bench;

namespace Engagement.Bench;

/// <summary>
/// The run's identity stand-in (<see cref="BenchIssuer"/>) with access tokens for a partner system and for the
/// secretariat (scope engagement) written to partner.token and secretariat.token in the folder.
/// </summary>
internal static class TokenIssuer
{
    public static Task<int> RunAsync(string issuer, string folder) =>
        BenchIssuer.RunAsync(issuer, "engagement-bench", 0, async mint =>
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "partner.token"), mint(Claims("bench-partner", "Partner"), TimeSpan.FromHours(4)));
            await File.WriteAllTextAsync(Path.Combine(folder, "secretariat.token"), mint(Claims("bench-secretariat", "Secretariat"), TimeSpan.FromHours(4)));
        });

    private static Dictionary<string, object> Claims(string client, string role) =>
        new() { ["sub"] = client, ["client_id"] = client, ["scope"] = "engagement", ["role"] = new[] { role } };
}
