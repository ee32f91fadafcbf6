using Google.Protobuf;

namespace ReviewMechanism.Grpc.Server.Internal;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
internal sealed class RequestStreamReader<T> : IAsyncStreamReader<T>
    where T : class, IMessage<T>
{
    private readonly HttpServerCallContext _call;
    private readonly MessageParser<T> _parser;
    private T? _current;
    private int _reading;
    private bool _ended;

    public RequestStreamReader(HttpServerCallContext call, MessageParser<T> parser)
    {
        _call = call;
        _parser = parser;
    }

    public T Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first (and check that it returned true).");

    public Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_call.IsCompleted)
        {
            return Task.FromException<bool>(new InvalidOperationException("Can't read messages after the call is complete."));
        }
        if (_ended)
        {
            return Task.FromResult(false);
        }
        if (Interlocked.Exchange(ref _reading, 1) == 1)
        {
            return Task.FromException<bool>(new InvalidOperationException("Can't read the next message while a previous read is still pending."));
        }
        return ReadAsync(cancellationToken);
    }

    private async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        // Only the caller's token: a deadline or a client reset aborts the request body, which ends the read.
        try
        {
            var message = await RequestMessageReader.ReadNextAsync(_call, _parser, cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                _ended = true;
                _current = null;
                return false;
            }
            _current = message;
            return true;
        }
        finally
        {
            Volatile.Write(ref _reading, 0);
        }
    }
}
