using System.Reflection;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReviewMechanism.ServiceDefaults.Grpc;

namespace Microsoft.Extensions.Hosting;

/// <summary>How one service calls another over gRPC.</summary>
public static class GrpcClientExtensions
{
    /// <summary>
    /// A typed client of another service of the mechanism, from Grpc.Net.ClientFactory (inject <typeparamref name="TClient"/>):
    /// its address from service discovery (<c>http://_grpc.{serviceName}</c>, which the AppHost passes as
    /// <c>services__{serviceName}__grpc__0</c>), a default deadline on every call, retries of the RPCs the proto
    /// declares idempotent (<c>idempotency_level</c>) when they fail UNAVAILABLE and of no other, and the access
    /// token of the request being served. E.g.
    /// <c>builder.Services.AddServiceGrpcClient&lt;ReviewsService.ReviewsServiceClient&gt;("reviews")</c>.
    /// Without the standard HTTP resilience handler of the other clients: deadlines and retries are gRPC's own.
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string serviceName, Action<ServiceGrpcClientOptions>? configure = null)
        where TClient : ClientBase
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        var settings = new ServiceGrpcClientOptions();
        configure?.Invoke(settings);
        services.AddServiceDiscovery();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);

        var retry = RetryConfig(ServiceOf(typeof(TClient)), settings.MaxAttempts);
        var client = services
            .AddGrpcClient<TClient>(o => o.Address = new Uri($"http://_{settings.Endpoint}.{serviceName}"))
            .ConfigureChannel(channel =>
            {
                channel.ServiceConfig = retry;
                channel.MaxRetryAttempts = Math.Max(settings.MaxAttempts, 1);
            })
            .AddInterceptor(InterceptorScope.Channel, sp => new DefaultDeadlineInterceptor(settings.DefaultDeadline, sp.GetRequiredService<TimeProvider>()));
        if (settings.ForwardAccessToken)
        {
            client.AddInterceptor(InterceptorScope.Channel, sp => new AccessTokenForwardingInterceptor(sp.GetRequiredService<IHttpContextAccessor>()));
        }
        // The standard resilience handler that AddServiceDefaults puts on every HttpClient is for HTTP calls: its 30 s
        // total timeout would cut server streams, and gRPC has its own deadline and retry policy (above).
#pragma warning disable EXTEXP0001 // Marked for evaluation in Microsoft.Extensions.Http.Resilience 10; the documented way to opt a client out.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return client.AddServiceDiscovery();
    }

    /// <summary>The RPCs of <paramref name="service"/> whose proto says they may be repeated safely.</summary>
    public static IReadOnlyList<MethodDescriptor> IdempotentMethods(ServiceDescriptor service) =>
        service.Methods
            .Where(m => m.GetOptions()?.IdempotencyLevel is MethodOptions.Types.IdempotencyLevel.NoSideEffects or MethodOptions.Types.IdempotencyLevel.Idempotent)
            .ToList();

    private static ServiceConfig? RetryConfig(ServiceDescriptor? service, int maxAttempts)
    {
        var idempotent = service is null ? [] : IdempotentMethods(service);
        if (idempotent.Count == 0 || maxAttempts < 2)
        {
            return null;
        }
        var method = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = maxAttempts,
                InitialBackoff = TimeSpan.FromMilliseconds(100),
                MaxBackoff = TimeSpan.FromSeconds(1),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        foreach (var rpc in idempotent)
        {
            method.Names.Add(new MethodName { Service = rpc.Service.FullName, Method = rpc.Name });
        }
        return new ServiceConfig { MethodConfigs = { method } };
    }

    /// <summary>The generated <c>Descriptor</c> of the static class a generated client is nested in.</summary>
    private static ServiceDescriptor? ServiceOf(Type clientType) =>
        clientType.DeclaringType?.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ServiceDescriptor;
}
