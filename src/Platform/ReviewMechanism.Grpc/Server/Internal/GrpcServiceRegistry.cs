using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>
/// The services mapped in this application (for UNIMPLEMENTED messages and server reflection) and
/// the interceptor instances shared by all of them. One per application (a DI singleton).
/// </summary>
internal sealed class GrpcServiceRegistry
{
    private readonly object _gate = new();
    private readonly List<ServiceDescriptor> _services = new();
    private readonly HashSet<string> _serviceNames = new(StringComparer.Ordinal);
    private Interceptor[]? _interceptors;

    /// <summary>Set once the first service is mapped; until then the UNIMPLEMENTED answer stays out of the way.</summary>
    public bool HasServices { get; private set; }

    /// <summary>The application's service registrations, to tell singletons from scoped services.</summary>
    public IServiceCollection? ServiceCollection { get; set; }

    public IReadOnlyList<ServiceDescriptor> Services
    {
        get
        {
            lock (_gate)
            {
                return _services.ToArray();
            }
        }
    }

    public void Add(ServiceDescriptor descriptor)
    {
        lock (_gate)
        {
            if (_serviceNames.Add(descriptor.FullName))
            {
                _services.Add(descriptor);
            }
        }
    }

    public void AddName(string serviceName)
    {
        lock (_gate)
        {
            _serviceNames.Add(serviceName);
            HasServices = true;
        }
    }

    public bool IsKnown(string serviceName)
    {
        lock (_gate)
        {
            return _serviceNames.Contains(serviceName);
        }
    }

    public Interceptor[] GetInterceptors(GrpcServerOptions options, IServiceProvider services)
    {
        lock (_gate)
        {
            return _interceptors ??= options.Interceptors
                .Select(r => r.Instance ?? (Interceptor)(services.GetService(r.Type) ?? ActivatorUtilities.CreateInstance(services, r.Type)))
                .ToArray();
        }
    }
}
