using System.Collections.Immutable;
using System.Text.Json;
using OpenIddict.Abstractions;

namespace Identity.Api.OpenIdConnect.Clients;

/// <summary>What a client's own tokens (client_credentials) say about it: its roles and the parties it acts for, kept in the application's properties.</summary>
public static class ClientProperties
{
    private const string Roles = "mechanism_roles";
    private const string Parties = "mechanism_parties";

    public static void Write(OpenIddictApplicationDescriptor descriptor, IReadOnlyList<string> roles, IReadOnlyList<string> parties)
    {
        descriptor.Properties[Roles] = JsonSerializer.SerializeToElement(roles);
        descriptor.Properties[Parties] = JsonSerializer.SerializeToElement(parties.Select(p => p.Trim().ToUpperInvariant()).ToList());
    }

    public static IReadOnlyList<string> ReadRoles(ImmutableDictionary<string, JsonElement> properties) => Read(properties, Roles);

    public static IReadOnlyList<string> ReadParties(ImmutableDictionary<string, JsonElement> properties) => Read(properties, Parties);

    private static IReadOnlyList<string> Read(ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(e => e.GetString()).OfType<string>().ToList()
            : [];
}
