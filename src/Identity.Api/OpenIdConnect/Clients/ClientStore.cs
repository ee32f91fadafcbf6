using Identity.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Identity.Api.OpenIdConnect.Clients;

/// <summary>Reads registered clients.</summary>
public sealed class ClientStore(IServiceScopeFactory scopes)
{
    public async Task<OAuthClient?> FindAsync(string clientId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        return await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
    }
}
