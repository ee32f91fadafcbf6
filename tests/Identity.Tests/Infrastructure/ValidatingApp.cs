using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReviewMechanism.LocalServers;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Identity.Tests.Infrastructure;

/// <summary>
/// A separate resource server that validates tokens exactly as the mechanism's services do: ServiceDefaults'
/// <c>AddDefaultAuthentication</c> (JwtBearer through the discovery document at <c>Identity:Authority</c>, issuer
/// <c>Identity:Issuer</c>, audience review-mechanism, at+jwt, RS256) and the shared authorization helpers
/// (<c>ActsFor</c>, roles from <c>role</c>). HTTP/1.1 endpoints on <see cref="Address"/>; on <see cref="GrpcAddress"/>
/// (cleartext HTTP/2) a gRPC service hosted as the services host theirs (<c>AddDefaultGrpcHosting</c>: interceptors,
/// declared callers) whose RPCs need a valid token (<see cref="SignedInProbeService"/>).
/// </summary>
public sealed class ValidatingApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    public HttpClient Http { get; }

    private ValidatingApp(WebApplication app, int httpPort, int grpcPort)
    {
        _app = app;
        Address = new Uri($"http://127.0.0.1:{httpPort}");
        GrpcAddress = new Uri($"http://127.0.0.1:{grpcPort}");
        Http = new HttpClient { BaseAddress = Address };
    }

    public Uri Address { get; }

    public Uri GrpcAddress { get; }

    /// <param name="authority">Identity:Authority, the identity service's internal URL.</param>
    /// <param name="validIssuer">Identity:Issuer, the public URL (when null, the services fall back to the authority and trust the discovery document's issuer).</param>
    public static async Task<ValidatingApp> StartAsync(Uri authority, string? validIssuer = null)
    {
        // A port found free may be taken by another test's connection before Kestrel binds it: try fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnAsync(authority, validIssuer, PortAllocator.GetFreePort(), PortAllocator.GetFreePort());
            }
            catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
            }
        }
    }

    private static async Task<ValidatingApp> StartOnAsync(Uri authority, string? validIssuer, int httpPort, int grpcPort)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Logging.ClearProviders();
        builder.Configuration["Identity:Authority"] = authority.ToString();
        if (validIssuer is not null) builder.Configuration["Identity:Issuer"] = validIssuer;
        builder.AddDefaultAuthentication();
        builder.Services.AddMechanismAuthorization();
        builder.AddDefaultGrpcHosting();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<SignedInProbeService>();
        app.MapGet("/whoami", (ClaimsPrincipal user) => Results.Json(new
        {
            sub = user.GetSubject(),
            roles = user.FindAll(MechanismClaims.Role).Select(c => c.Value).ToArray(),
            parties = user.GetParties().Order().ToArray(),
            scope = user.FindFirst(MechanismClaims.Scope)?.Value,
            client_id = user.FindFirst(MechanismClaims.ClientId)?.Value,
        })).RequireAuthorization();
        app.MapGet("/secretariat-only", () => "ok").RequireAuthorization(AuthorizationPolicies.Secretariat);
        // A party-scoped write, as the services guard them: a focal point, for a party it acts for.
        app.MapPost("/parties/{iso3}/nominations", (string iso3, ClaimsPrincipal user) =>
            user.IsInRole(MechanismRoles.FocalPoint) && user.ActsFor(iso3) ? Results.Ok($"nominated for {iso3}") : Results.Forbid())
            .RequireAuthorization(AuthorizationPolicies.FocalPoint);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new ValidatingApp(app, httpPort, grpcPort);
    }

    public async Task<HttpResponseMessage> CallAsync(string token, string path = "/whoami", HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
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
