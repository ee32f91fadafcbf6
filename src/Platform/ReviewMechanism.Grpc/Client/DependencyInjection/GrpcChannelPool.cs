using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewMechanism.Grpc.Client;

/// <summary>
/// One shared <see cref="GrpcChannel"/> per address for every DI client (channels pool connections,
/// so sharing them is what makes clients cheap). Disposed with the service provider.
/// </summary>
public sealed class GrpcChannelPool : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<GrpcChannel>> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly IOptionsFactory<GrpcChannelOptions> _optionsFactory;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly IMeterFactory? _meterFactory;

    public GrpcChannelPool(IOptionsFactory<GrpcChannelOptions> optionsFactory, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _optionsFactory = optionsFactory;
        _loggerFactory = loggerFactory;
        _meterFactory = meterFactory;
    }

    public GrpcChannel GetChannel(Uri address)
    {
        var key = address.GetLeftPart(UriPartial.Path);
        return _channels.GetOrAdd(key, static (_, state) => new Lazy<GrpcChannel>(() => state.pool.Create(state.address)), (pool: this, address)).Value;
    }

    private GrpcChannel Create(Uri address)
    {
        var options = _optionsFactory.Create(Options.DefaultName);
        options.LoggerFactory ??= _loggerFactory;
        options.MeterFactory ??= _meterFactory;
        return GrpcChannel.ForAddress(address, options);
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            if (channel.IsValueCreated)
            {
                channel.Value.Dispose();
            }
        }
        _channels.Clear();
    }
}
