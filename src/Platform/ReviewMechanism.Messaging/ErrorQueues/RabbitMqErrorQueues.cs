using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using ReviewMechanism.Messaging.Configuration;

namespace ReviewMechanism.Messaging.ErrorQueues;

/// <summary><see cref="IErrorQueues"/> over RabbitMQ.Client, on a connection of its own.</summary>
public sealed class RabbitMqErrorQueues(IOptions<MessagingOptions> options, ReceiveQueueRegistry registry) : IErrorQueues, IAsyncDisposable
{
    public const string ErrorSuffix = "_error";

    private static readonly string[] FaultHeaderPrefixes = ["MT-Fault-", "MT-Reason", "MT-Host-"];
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private IConnection? _connection;

    public IReadOnlyCollection<string> ReceiveQueues => registry.Names;

    public async Task<long> CountAsync(string queue, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue + ErrorSuffix, cancellationToken).ConfigureAwait(false);
            return declared.MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    public async Task<IReadOnlyList<ErrorQueueCount>> CountAllAsync(CancellationToken cancellationToken = default)
    {
        var counts = new List<ErrorQueueCount>();
        foreach (var queue in registry.Names)
        {
            counts.Add(new ErrorQueueCount(queue, queue + ErrorSuffix, await CountAsync(queue, cancellationToken).ConfigureAwait(false)));
        }
        return counts;
    }

    public async Task<IReadOnlyList<FaultedMessage>> PeekAsync(string queue, int max = 20, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<FaultedMessage>();
        // Unacknowledged gets go back to the queue when the channel closes.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            while (messages.Count < max)
            {
                var result = await channel.BasicGetAsync(queue + ErrorSuffix, autoAck: false, cancellationToken).ConfigureAwait(false);
                if (result is null)
                {
                    break;
                }
                var headers = result.BasicProperties.Headers;
                messages.Add(new FaultedMessage(
                    result.BasicProperties.MessageId,
                    ReadMessageType(result.Body.Span),
                    HeaderText(headers, "MT-Fault-ExceptionType"),
                    HeaderText(headers, "MT-Fault-Message"),
                    HeaderText(headers, "MT-Fault-Timestamp")));
            }
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return [];
        }
        return messages;
    }

    public async Task<int> ReplayAsync(string queue, int? max = null, CancellationToken cancellationToken = default)
    {
        ValidateQueueName(queue);
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        var confirmed = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var channel = await connection.CreateChannelAsync(confirmed, cancellationToken).ConfigureAwait(false);
        uint waiting;
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            throw new InvalidOperationException($"The queue '{queue}' does not exist, so its error queue cannot be replayed into it.", ex);
        }
        await using var counter = await connection.CreateChannelAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            waiting = (await counter.QueueDeclarePassiveAsync(queue + ErrorSuffix, cancellationToken).ConfigureAwait(false)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
        // Only what is there now: a message that fails again lands back in the error queue and is not looped on.
        var limit = max is null ? waiting : Math.Min(waiting, (uint)Math.Max(0, max.Value));
        var moved = 0;
        while (moved < limit)
        {
            var result = await channel.BasicGetAsync(queue + ErrorSuffix, autoAck: false, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                break;
            }
            var properties = new BasicProperties(result.BasicProperties);
            if (properties.Headers is { } headers)
            {
                foreach (var key in headers.Keys.Where(IsFaultHeader).ToList())
                {
                    headers.Remove(key);
                }
            }
            await channel.BasicPublishAsync("", queue, mandatory: true, properties, result.Body.ToArray(), cancellationToken).ConfigureAwait(false);
            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken).ConfigureAwait(false);
            moved++;
        }
        return moved;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
        _connectLock.Dispose();
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is { IsOpen: true } again)
            {
                return again;
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync().ConfigureAwait(false);
            }
            var settings = options.Value;
            var factory = new ConnectionFactory
            {
                Uri = AmqpAddress.Parse(settings.ConnectionString).ToUri(),
                ClientProvidedName = $"{settings.ServiceName}-error-queues",
            };
            _connection = await factory.CreateConnectionAsync(cancellationToken).ConfigureAwait(false);
            return _connection;
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private static bool IsFaultHeader(string key) =>
        FaultHeaderPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string? HeaderText(IDictionary<string, object?>? headers, string key) =>
        headers is not null && headers.TryGetValue(key, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            }
            : null;

    private static string? ReadMessageType(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void ValidateQueueName(string queue)
    {
        if (string.IsNullOrWhiteSpace(queue) || queue.EndsWith(ErrorSuffix, StringComparison.Ordinal) || queue.Length > 250)
        {
            throw new ArgumentException($"'{queue}' is not a receive queue name (give the queue, not its {ErrorSuffix} queue).", nameof(queue));
        }
    }
}
