using ReviewMechanism.Hosting.Servers;

namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>A RabbitMQ node; its connection string is an AMQP URI.</summary>
public sealed class RabbitMQServerResource(string name) : LocalServerResource(name)
{
    public RabbitMqServer? RabbitMqServer => Server as RabbitMqServer;

    /// <summary><c>amqp://mechanism:password@127.0.0.1:port/</c>.</summary>
    public override string? ConnectionString => RabbitMqServer?.ConnectionString;

    protected override async Task<ILocalServer> PrepareServerAsync(ServerOptions options, CancellationToken cancellationToken) =>
        await RabbitMqServer.PrepareAsync(options, cancellationToken).ConfigureAwait(false);
}
