using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reviews.Api.Extensions;

namespace Reviews.Tests.Support;

/// <summary>
/// The Reviews service as its Program builds it (gRPC defaults, authorization, <c>AddReviewsService</c>) on a free
/// loopback port speaking HTTP/2, on the given database, with callers taken from test headers
/// (<see cref="HeaderAuthenticationHandler"/>) and mails written to a folder of its own.
/// </summary>
public static class ReviewsHost
{
    public static WebApplication Build(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:reviewsdb"] = connectionString,
            ["Mail:PickupDirectory"] = Path.Combine(Path.GetTempPath(), $"reviews-mail-{Guid.NewGuid():N}"),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddDefaultGrpcHosting();
        builder.Services.AddMechanismAuthorization();
        builder.Services.AddAuthentication(HeaderAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, HeaderAuthenticationHandler>(HeaderAuthenticationHandler.SchemeName, _ => { });
        builder.AddReviewsService();
        return builder.Build();
    }
}
