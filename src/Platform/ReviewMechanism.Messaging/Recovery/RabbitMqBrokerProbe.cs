using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using ReviewMechanism.Messaging.Configuration;

namespace ReviewMechanism.Messaging.Recovery;

/// <summary>Opens (and closes) an AMQP connection of its own: the broker answers when the handshake completes.</summary>
public sealed class RabbitMqBrokerProbe(IOptions<MessagingOptions> options) : IBrokerProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        var address = AmqpAddress.Parse(options.Value.ConnectionString);
        var factory = new ConnectionFactory
        {
            Uri = address.ToUri(),
            ClientProvidedName = $"{options.Value.ServiceName}-probe",
            RequestedConnectionTimeout = Timeout,
            HandshakeContinuationTimeout = Timeout,
            AutomaticRecoveryEnabled = false,
        };
        if (address.UseTls)
        {
            factory.Ssl = new SslOption { Enabled = true, ServerName = address.Host };
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await factory.CreateConnectionAsync(timeout.Token).ConfigureAwait(false);
            await connection.CloseAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
