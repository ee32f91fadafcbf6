using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Client;

/// <summary>Creates the typed clients registered with <c>AddGrpcClient</c>.</summary>
public sealed class GrpcClientFactory
{
    private readonly GrpcChannelPool _pool;
    private readonly IOptionsMonitor<GrpcClientOptions> _options;
    private readonly IConfiguration _configuration;

    public GrpcClientFactory(GrpcChannelPool pool, IOptionsMonitor<GrpcClientOptions> options, IConfiguration configuration)
    {
        _pool = pool;
        _options = options;
        _configuration = configuration;
    }

    /// <summary>The address a registered client calls.</summary>
    public Uri GetAddress(string name)
    {
        var options = _options.Get(name);
        return options.Address ?? ServiceAddressResolver.Resolve(_configuration, options.ServiceName, options.EndpointName);
    }

    /// <summary>Creates the client registered under <paramref name="name"/>; interceptors and credentials come from <paramref name="services"/>.</summary>
    public TClient CreateClient<TClient>(string name, IServiceProvider services)
        where TClient : ClientBase
    {
        var options = _options.Get(name);
        var channel = _pool.GetChannel(GetAddress(name));
        CallInvoker invoker;
        if (options.CallCredentialsFactories.Count == 0)
        {
            invoker = channel.CreateCallInvoker();
        }
        else
        {
            var credentials = new CallCredentials[options.CallCredentialsFactories.Count];
            for (var i = 0; i < credentials.Length; i++)
            {
                credentials[i] = options.CallCredentialsFactories[i](services);
            }
            invoker = channel.CreateCallInvoker(credentials, options.UnsafeUseInsecureChannelCallCredentials);
        }
        if (options.InterceptorFactories.Count > 0)
        {
            var interceptors = new Interceptor[options.InterceptorFactories.Count];
            for (var i = 0; i < interceptors.Length; i++)
            {
                interceptors[i] = options.InterceptorFactories[i](services);
            }
            invoker = invoker.Intercept(interceptors);
        }
        return ClientActivator<TClient>.Create(services, invoker);
    }

    private static class ClientActivator<TClient>
        where TClient : ClientBase
    {
        private static readonly ObjectFactory Factory = ActivatorUtilities.CreateFactory(typeof(TClient), [typeof(CallInvoker)]);

        public static TClient Create(IServiceProvider services, CallInvoker invoker) => (TClient)Factory(services, [invoker]);
    }
}
