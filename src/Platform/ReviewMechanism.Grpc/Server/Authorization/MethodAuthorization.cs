using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewMechanism.Grpc.Server.Authorization;

/// <summary>
/// Who may call one RPC, read once at startup from <c>[Authorize]</c> / <c>[AllowAnonymous]</c> on the
/// implementation method or its class. No declaration means every call is denied. A declared policy
/// is evaluated with ASP.NET Core's policy evaluator against <c>HttpContext.User</c> before the
/// request message is read: an unauthenticated caller gets UNAUTHENTICATED (UNAVAILABLE when a registered
/// <see cref="IAuthenticationAvailability"/> says credentials cannot be checked right now), an authenticated
/// one that fails the policy PERMISSION_DENIED.
/// </summary>
internal sealed class MethodAuthorization
{
    private readonly string _methodName;
    private readonly IAuthorizeData[] _authorizeData;
    private readonly string _requirementText;
    private AuthorizationPolicy? _cachedPolicy;

    private MethodAuthorization(AuthorizationKind kind, string methodName, IAuthorizeData[] authorizeData)
    {
        Kind = kind;
        _methodName = methodName;
        _authorizeData = authorizeData;
        _requirementText = Describe(authorizeData);
    }

    public AuthorizationKind Kind { get; }

    public bool IsAnonymous => Kind == AuthorizationKind.Anonymous;

    public static MethodAuthorization Create(Type serviceType, IMethod method)
    {
        var implementation = FindImplementation(serviceType, method.Name);
        var methodAttributes = implementation?.GetCustomAttributes(inherit: true) ?? [];
        var classAttributes = serviceType.GetCustomAttributes(inherit: true);

        if (methodAttributes.OfType<IAllowAnonymous>().Any() || classAttributes.OfType<IAllowAnonymous>().Any())
        {
            return new MethodAuthorization(AuthorizationKind.Anonymous, method.FullName, []);
        }
        var authorizeData = classAttributes.OfType<IAuthorizeData>().Concat(methodAttributes.OfType<IAuthorizeData>()).ToArray();
        return authorizeData.Length == 0
            ? new MethodAuthorization(AuthorizationKind.Undeclared, method.FullName, [])
            : new MethodAuthorization(AuthorizationKind.Policy, method.FullName, authorizeData);
    }

    /// <summary>Throws an RpcException when the caller may not make this call.</summary>
    public ValueTask AuthorizeAsync(HttpContext httpContext)
    {
        return Kind switch
        {
            AuthorizationKind.Anonymous => ValueTask.CompletedTask,
            AuthorizationKind.Undeclared => ValueTask.FromException(new RpcException(new Status(StatusCode.PermissionDenied,
                $"{_methodName} declares no authorization ([Authorize] or [AllowAnonymous] on the method or its class), so every call is denied."))),
            _ => EvaluateAsync(httpContext),
        };
    }

    private async ValueTask EvaluateAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var policy = await GetPolicyAsync(services).ConfigureAwait(false);
        var evaluator = services.GetRequiredService<IPolicyEvaluator>();
        var authentication = await evaluator.AuthenticateAsync(policy, httpContext).ConfigureAwait(false);
        var result = await evaluator.AuthorizeAsync(policy, authentication, httpContext, httpContext).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return;
        }
        if (result.Challenged)
        {
            if (services.GetService<IAuthenticationAvailability>() is { } availability
                && await availability.IsUnavailableAsync(httpContext).ConfigureAwait(false))
            {
                throw new RpcException(new Status(StatusCode.Unavailable,
                    $"{_methodName}: credentials cannot be checked right now (the identity provider is unreachable); retry later."));
            }
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"{_methodName} requires an authenticated caller."));
        }
        throw new RpcException(new Status(StatusCode.PermissionDenied, $"The caller is not allowed to call {_methodName} ({_requirementText})."));
    }

    private async ValueTask<AuthorizationPolicy> GetPolicyAsync(IServiceProvider services)
    {
        if (_cachedPolicy is not null)
        {
            return _cachedPolicy;
        }
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, _authorizeData).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No authorization policy could be built for {_methodName}.");
        if (provider.AllowsCachingPolicies)
        {
            _cachedPolicy = policy;
        }
        return policy;
    }

    private static MethodInfo? FindImplementation(Type serviceType, string name)
    {
        MethodInfo? found = null;
        foreach (var candidate in serviceType.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (candidate.Name != name)
            {
                continue;
            }
            var parameters = candidate.GetParameters();
            if (parameters.Length > 0 && parameters[^1].ParameterType == typeof(ServerCallContext))
            {
                // The most derived override comes first in reflection order; keep it.
                found ??= candidate;
            }
        }
        return found;
    }

    private static string Describe(IAuthorizeData[] data)
    {
        var parts = new List<string>();
        foreach (var item in data)
        {
            if (!string.IsNullOrEmpty(item.Policy))
            {
                parts.Add($"policy '{item.Policy}'");
            }
            if (!string.IsNullOrEmpty(item.Roles))
            {
                parts.Add($"one of the roles {item.Roles}");
            }
        }
        return parts.Count == 0 ? "an authenticated caller is required" : "requires " + string.Join(" and ", parts);
    }
}

/// <summary>How an RPC declared its callers.</summary>
internal enum AuthorizationKind
{
    Undeclared,
    Anonymous,
    Policy,
}
