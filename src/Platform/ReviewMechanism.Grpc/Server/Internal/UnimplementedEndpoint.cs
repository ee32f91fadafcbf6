using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// The catch-all for gRPC requests to a service or method this server does not have:
/// UNIMPLEMENTED as a trailers-only response. Only gRPC POSTs match; it has the lowest priority.
/// </summary>
internal static class UnimplementedEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints, GrpcServiceRegistry registry)
    {
        var pattern = RoutePatternFactory.Parse("/{service}/{method}", defaults: null, parameterPolicies: new { service = new GrpcRequestConstraint() });
        var builder = endpoints.Map(pattern, httpContext =>
        {
            if (!ProtocolResponses.IsHttp2OrLater(httpContext.Request.Protocol))
            {
                return ProtocolResponses.UpgradeRequiredAsync(httpContext);
            }
            var service = httpContext.Request.RouteValues["service"] as string ?? "";
            var method = httpContext.Request.RouteValues["method"] as string ?? "";
            var message = registry.IsKnown(service)
                ? $"Method '{method}' is not implemented by service '{service}'."
                : $"Service '{service}' is not implemented by this server.";
            return ProtocolResponses.UnimplementedAsync(httpContext, message);
        });
        builder.Add(endpoint =>
        {
            endpoint.DisplayName = "gRPC - unimplemented service or method";
            if (endpoint is RouteEndpointBuilder route)
            {
                route.Order = int.MaxValue;
            }
            endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
        });
    }

    private sealed class GrpcRequestConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            httpContext is not null
            && HttpMethods.IsPost(httpContext.Request.Method)
            && GrpcHeaders.IsGrpcContentType(httpContext.Request.ContentType);
    }
}
