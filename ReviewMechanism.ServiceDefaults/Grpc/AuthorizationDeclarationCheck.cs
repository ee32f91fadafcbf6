using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// Every RPC declares who may call it. When the application starts (before the server listens) this reads the
/// metadata of every mapped gRPC method endpoint and fails start-up, naming them, when one has neither
/// <c>[Authorize]</c> (with or without a policy or roles) nor <c>[AllowAnonymous]</c> on the method or its class.
/// </summary>
internal sealed class AuthorizationDeclarationCheck : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        var undeclared = UndeclaredMethods(app.ApplicationServices.GetServices<EndpointDataSource>());
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException(
                "Every RPC must declare who may call it ([Authorize(Policy = ...)], [Authorize(Roles = ...)], [Authorize] or [AllowAnonymous] " +
                $"on the method or its class); these declare nothing: {string.Join(", ", undeclared)}.");
        }
    };

    /// <summary>The full names (<c>/package.Service/Method</c>) of the mapped gRPC methods without a declaration.</summary>
    internal static IReadOnlyList<string> UndeclaredMethods(IEnumerable<EndpointDataSource> sources) =>
        sources.SelectMany(s => s.Endpoints)
            .Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>() is not null)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()!.Method.FullName)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
}
