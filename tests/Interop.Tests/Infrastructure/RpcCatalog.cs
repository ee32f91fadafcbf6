using System.Reflection;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reviews.V1;

namespace Interop.Tests.Infrastructure;

/// <summary>
/// Every RPC of every service in the generated contracts (ReviewMechanism.Contracts' file descriptors), each with
/// the callers its implementation declares (<c>[Authorize]</c>/<c>[AllowAnonymous]</c> on the override or its class,
/// read from the service assemblies) and the gateway route that reaches it. A new RPC is in the catalog the moment
/// its proto is compiled; it has a declaration only once a service overrides it with one.
/// </summary>
public static class RpcCatalog
{
    private static readonly Assembly[] ServiceAssemblies =
    [
        typeof(Reviews.Api.Grpc.ReviewsGrpcService).Assembly,
        typeof(Nominations.Api.Grpc.NominationsGrpcService).Assembly,
        typeof(Identity.Api.Grpc.AccountsGrpcService).Assembly,
        typeof(Reporting.Api.Grpc.ReportingGrpcService).Assembly,
        typeof(Documents.Api.Extensions.DocumentsServiceExtensions).Assembly,
        typeof(Engagement.Api.Extensions.EngagementServiceExtensions).Assembly,
    ];

    public static IReadOnlyList<ServiceDescriptor> Services { get; } = typeof(ReviewsService).Assembly.GetTypes()
        .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
        .Where(p => p?.PropertyType == typeof(FileDescriptor))
        .SelectMany(p => ((FileDescriptor)p!.GetValue(null)!).Services)
        .OrderBy(s => s.FullName, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<Rpc> All { get; } = Services.SelectMany(s => s.Methods.Select(m => Describe(s, m))).ToList();

    /// <summary>The class that implements <paramref name="service"/> (derives from its generated <c>XServiceBase</c>), if any.</summary>
    public static Type? Implementation(ServiceDescriptor service) => ServiceAssemblies
        .SelectMany(a => a.GetTypes())
        .FirstOrDefault(t => !t.IsAbstract && BaseTypes(t).Any(b => b.Name == service.Name + "Base" && b.DeclaringType?.Namespace is { } ns
            && b.DeclaringType.Name == service.Name && string.Equals(ns.Replace(".", "", StringComparison.Ordinal), service.File.Package.Replace(".", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));

    private static Rpc Describe(ServiceDescriptor service, MethodDescriptor method)
    {
        var implementation = Implementation(service);
        var route = GatewayRoutes.For(service.FullName, method.Name);
        var overridden = implementation?.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(m => m.Name == method.Name && m.DeclaringType == implementation);
        if (overridden is null || implementation is null)
        {
            return new Rpc(service, method, null, route);
        }
        return new Rpc(service, method, Declaration.Of(overridden, implementation), route);
    }

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            yield return t;
        }
    }
}

/// <summary>One RPC: its contract, its declared callers (null: none, so no row), the gateway route reaching it.</summary>
public sealed record Rpc(ServiceDescriptor Service, MethodDescriptor Method, Declaration? Declaration, GatewayRoute? Route)
{
    public string Path => $"/{Service.FullName}/{Method.Name}";

    /// <summary>Reads only (the proto says <c>idempotency_level = NO_SIDE_EFFECTS</c>).</summary>
    public bool IsRead => Method.GetOptions()?.IdempotencyLevel == MethodOptions.Types.IdempotencyLevel.NoSideEffects;

    /// <summary>The top-level request fields that name a party (ISO3).</summary>
    public IReadOnlyList<FieldDescriptor> PartyFields => Method.InputType.Fields.InDeclarationOrder()
        .Where(f => f.FieldType == FieldType.String && !f.IsRepeated && Requests.IsParty(f.Name))
        .ToList();

    /// <summary>A write a focal point may make for its own party only: the request names the party.</summary>
    public bool IsPartyScopedWrite => !IsRead && PartyFields.Count > 0 && Declaration is { } d
        && d.Roles.Any(r => r is "FocalPoint" or "GovernmentalExpert");

    public override string ToString() => Path;
}

/// <summary>Who may call an RPC, as its implementation declares it.</summary>
/// <remarks><see cref="Scheme"/>: the service validates tokens with its own scheme (identity's accounts API accepts
/// only the tokens identity issued), so its declared caller needs a token from identity itself.</remarks>
public sealed record Declaration(bool Anonymous, IReadOnlyList<string> Roles, string? Policy, string? Scheme)
{
    public static Declaration Of(MethodInfo method, Type service)
    {
        var onMethod = method.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>().ToList();
        var anonymous = method.GetCustomAttributes(inherit: true).OfType<IAllowAnonymous>().Any();
        if (!anonymous && onMethod.Count == 0)
        {
            onMethod = service.GetCustomAttributes(inherit: true).OfType<IAuthorizeData>().ToList();
            anonymous = service.GetCustomAttributes(inherit: true).OfType<IAllowAnonymous>().Any();
        }
        var roles = onMethod.SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        return new Declaration(anonymous && onMethod.Count == 0, roles, onMethod.Select(a => a.Policy).FirstOrDefault(p => p is not null),
            onMethod.Select(a => a.AuthenticationSchemes).FirstOrDefault(p => p is not null));
    }

    /// <summary>Any valid token will do (<c>[Authorize]</c> with no role or policy).</summary>
    public bool AnyCaller => !Anonymous && Roles.Count == 0 && Policy is null;
}
