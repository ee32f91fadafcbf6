using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// Answers gRPC requests for a service or method this server does not have: UNIMPLEMENTED as a
/// trailers-only response. It runs at the very end of the pipeline, so it only sees requests no
/// endpoint took; a catch-all route would instead be matched (route values, constraint) on every call.
/// </summary>
internal sealed class UnimplementedStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<GrpcServerOptions>>().Value;
        if (options.IgnoreUnknownServices)
        {
            return;
        }
        var registry = app.ApplicationServices.GetRequiredService<GrpcServiceRegistry>();
        app.Use(next => httpContext => UnimplementedEndpoint.TryHandle(httpContext, registry) ?? next(httpContext));
    };
}

internal static class UnimplementedEndpoint
{
    /// <summary>The response task when the request is a gRPC call to an unknown path; null otherwise.</summary>
    public static Task? TryHandle(HttpContext httpContext, GrpcServiceRegistry registry)
    {
        var request = httpContext.Request;
        if (!registry.HasServices
            || !HttpMethods.IsPost(request.Method)
            || !GrpcHeaders.IsGrpcContentType(request.ContentType)
            || !TrySplitPath(request.Path.Value, out var service, out var method))
        {
            return null;
        }
        if (!ProtocolResponses.IsHttp2OrLater(request.Protocol))
        {
            return ProtocolResponses.UpgradeRequiredAsync(httpContext);
        }
        var message = registry.IsKnown(service)
            ? $"Method '{method}' is not implemented by service '{service}'."
            : $"Service '{service}' is not implemented by this server.";
        return ProtocolResponses.UnimplementedAsync(httpContext, message);
    }

    private static bool TrySplitPath(string? path, out string service, out string method)
    {
        service = method = "";
        if (string.IsNullOrEmpty(path) || path[0] != '/')
        {
            return false;
        }
        var slash = path.IndexOf('/', 1);
        if (slash <= 1 || slash == path.Length - 1 || path.IndexOf('/', slash + 1) >= 0)
        {
            return false;
        }
        service = path[1..slash];
        method = path[(slash + 1)..];
        return true;
    }
}
