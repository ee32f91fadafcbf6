using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>Infrastructure run as a local server process (PostgreSQL, RabbitMQ, Redis).</summary>
public abstract class LocalServerResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithWaitSupport
{
    /// <summary>The prepared server; null until the AppHost has prepared it.</summary>
    public ILocalServer? Server { get; private set; }

    public abstract string? ConnectionString { get; }

    /// <summary>A fixed port (null: a free one, chosen at every start of the AppHost).</summary>
    public int? Port { get; set; }

    internal async Task<ILocalServer> PrepareAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        Server = await PrepareServerAsync(options, cancellationToken).ConfigureAwait(false);
        return Server;
    }

    protected abstract Task<ILocalServer> PrepareServerAsync(ServerOptions options, CancellationToken cancellationToken);
}
