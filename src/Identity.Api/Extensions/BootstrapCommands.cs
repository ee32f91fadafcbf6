using Identity.Api.Application.Accounts;
using Identity.Api.Data;
using Identity.Api.OpenIdConnect.Clients;

namespace Identity.Api.Extensions;

/// <summary>
/// Operator commands run instead of the server (<c>dotnet Identity.Api.dll COMMAND ...</c>), with
/// the same configuration (connection string, Identity:Clients):
/// <list type="bullet">
/// <item><c>bootstrap</c>: migrate, register the configured clients, print the secrets generated for new confidential clients (once).</item>
/// <item><c>rotate-client-secret CLIENT_ID</c>: give a confidential client a new generated secret and print it (once).</item>
/// <item><c>create-secretariat EMAIL FULL NAME</c>: create a pre-approved Secretariat account and print its activation link.</item>
/// </list>
/// </summary>
public static class BootstrapCommands
{
    private static readonly string[] Commands = ["bootstrap", "rotate-client-secret", "create-secretariat"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunBootstrapCommandAsync(this WebApplication app, string[] args)
    {
        var ct = CancellationToken.None;
        var initializer = app.Services.GetServices<IHostedService>().OfType<IdentityDatabaseInitializer>().Single();
        var generated = await initializer.InitializeAsync(writeSecretFiles: false, ct);
        switch (args)
        {
            case ["bootstrap"]:
                foreach (var secret in generated) Console.WriteLine($"client_id={secret.ClientId} client_secret={secret.Secret}");
                Console.Error.WriteLine(generated.Count == 0
                    ? "Database ready; no new confidential client needed a generated secret."
                    : "Database ready. Store these secrets now: only their hashes are kept.");
                return 0;
            case ["rotate-client-secret", var clientId]:
                var rotated = await app.Services.GetRequiredService<ClientRegistrar>().RotateSecretAsync(clientId, ct);
                Console.WriteLine($"client_id={rotated.ClientId} client_secret={rotated.Secret}");
                return 0;
            case ["create-secretariat", var email, .. var name] when name.Length > 0:
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var link = await scope.ServiceProvider.GetRequiredService<AccountLifecycle>()
                        .CreateSecretariatAccountAsync(email, string.Join(' ', name), ct);
                    Console.WriteLine(link);
                }
                return 0;
            default:
                Console.Error.WriteLine("Usage: bootstrap | rotate-client-secret CLIENT_ID | create-secretariat EMAIL FULL NAME");
                return 2;
        }
    }
}
