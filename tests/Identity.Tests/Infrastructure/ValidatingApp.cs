using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// A separate resource server on its own Kestrel port that validates tokens exactly as the
/// mechanism's services do: Microsoft's JwtBearer handler (8.0.34) configured from the identity
/// service's discovery document at its internal address.
/// </summary>
public sealed class ValidatingApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    public HttpClient Http { get; }

    private ValidatingApp(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public static async Task<ValidatingApp> StartAsync(Uri authority, string? validIssuer = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            // The setup every service uses (see the identity report).
            options.Authority = authority.ToString();            // Identity:Authority (internal URL)
            options.RequireHttpsMetadata = authority.Scheme == Uri.UriSchemeHttps;
            options.Audience = "review-mechanism";
            options.MapInboundClaims = false;
            options.TokenValidationParameters.ValidTypes = ["at+jwt"];
            options.TokenValidationParameters.ValidAlgorithms = ["RS256"];
            options.TokenValidationParameters.NameClaimType = "sub";
            options.TokenValidationParameters.RoleClaimType = "role";
            if (validIssuer is not null) options.TokenValidationParameters.ValidIssuer = validIssuer; // Identity:Issuer
        });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => Results.Json(new
        {
            sub = user.Identity!.Name,
            roles = user.FindAll("role").Select(c => c.Value).ToArray(),
            parties = user.FindAll("party").Select(c => c.Value).ToArray(),
            scope = user.FindFirst("scope")?.Value,
            client_id = user.FindFirst("client_id")?.Value,
        })).RequireAuthorization();
        app.MapGet("/secretariat-only", () => "ok").RequireAuthorization(p => p.RequireRole("Secretariat"));
        await app.StartAsync();
        return new ValidatingApp(app);
    }

    public async Task<HttpResponseMessage> CallAsync(string token, string path = "/whoami")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
