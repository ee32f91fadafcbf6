using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using ReviewMechanism.Grpc.Client.Internal;

namespace ReviewMechanism.Grpc.Client;

/// <summary>
/// A long-lived connection target for gRPC calls over HTTP/2 (h2c for <c>http://</c>, TLS for
/// <c>https://</c>). It owns one HttpClient on a SocketsHttpHandler that pools connections and opens
/// more HTTP/2 connections when one is full. Create one per address and share it; dispose it at the end.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    internal const string UserAgent = "grpc-dotnet-reviewmechanism/1.0";

    /// <summary>The longest due time a timer takes; longer deadlines only go to the server as grpc-timeout.</summary>
    internal static readonly TimeSpan MaxTimerDue = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly bool _disposeHttpClient;
    private readonly ConcurrentDictionary<IMethod, GrpcMethodInfo> _methods = new();
    private readonly Dictionary<string, ICompressionProvider> _compressionProviders;
    private readonly CallCredentials[] _channelCredentials;
    private int _disposed;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
        : base(address.Authority)
    {
        Address = address;
        IsSecure = address.Scheme == Uri.UriSchemeHttps;
        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        TimeProvider = options.TimeProvider;
        UnsafeUseInsecureChannelCallCredentials = options.UnsafeUseInsecureChannelCallCredentials;
        Logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("ReviewMechanism.Grpc.Client.GrpcChannel");
        Diagnostics = ClientDiagnostics.Create(options.MeterFactory);
        _channelCredentials = [.. options.CallCredentials];

        _compressionProviders = new Dictionary<string, ICompressionProvider>(StringComparer.OrdinalIgnoreCase);
        var accept = "identity";
        foreach (var provider in options.CompressionProviders)
        {
            if (_compressionProviders.TryAdd(provider.EncodingName, provider))
            {
                accept += "," + provider.EncodingName;
            }
        }
        AcceptEncoding = accept;

        if (options.HttpClient is { } httpClient)
        {
            HttpClient = httpClient;
            _disposeHttpClient = options.DisposeHttpClient;
        }
        else if (options.HttpHandler is { } handler)
        {
            HttpClient = new HttpClient(handler, disposeHandler: options.DisposeHttpClient) { Timeout = Timeout.InfiniteTimeSpan };
            _disposeHttpClient = true;
        }
        else
        {
            HttpClient = new HttpClient(CreateDefaultHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            _disposeHttpClient = true;
        }

        if (options.Retry is { MaxAttempts: > 1 } retry)
        {
            RetryOptions = retry;
            RetryPipeline = BuildRetryPipeline(retry, options.TimeProvider);
        }
    }

    /// <summary>The address calls go to (scheme, host, port and an optional path base).</summary>
    public Uri Address { get; }

    internal HttpClient HttpClient { get; }

    internal bool IsSecure { get; }

    internal int? MaxReceiveMessageSize { get; }

    internal int? MaxSendMessageSize { get; }

    internal TimeProvider TimeProvider { get; }

    internal bool UnsafeUseInsecureChannelCallCredentials { get; }

    internal string AcceptEncoding { get; }

    internal ILogger Logger { get; }

    internal ClientDiagnostics Diagnostics { get; }

    internal GrpcRetryOptions? RetryOptions { get; }

    internal ResiliencePipeline? RetryPipeline { get; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) =>
        ForAddress(new Uri(address ?? throw new ArgumentNullException(nameof(address))), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"A gRPC channel address must be an absolute http:// or https:// URI; got '{address}'.", nameof(address));
        }
        return new GrpcChannel(address, options ?? new GrpcChannelOptions());
    }

    /// <summary>An invoker for generated clients, with the channel's call credentials.</summary>
    public override CallInvoker CreateCallInvoker() => new GrpcCallInvoker(this, _channelCredentials, UnsafeUseInsecureChannelCallCredentials);

    /// <summary>
    /// An invoker that adds <paramref name="credentials"/> to the channel's own on every call;
    /// <paramref name="unsafeUseInsecureChannelCallCredentials"/> (default: the channel's setting)
    /// lets them go over a cleartext channel.
    /// </summary>
    public CallInvoker CreateCallInvoker(IEnumerable<CallCredentials> credentials, bool? unsafeUseInsecureChannelCallCredentials = null) =>
        new GrpcCallInvoker(this, [.. _channelCredentials, .. credentials], unsafeUseInsecureChannelCallCredentials ?? UnsafeUseInsecureChannelCallCredentials);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _disposeHttpClient)
        {
            HttpClient.Dispose();
        }
    }

    internal bool ShouldRetry(IMethod method) => RetryPipeline is not null && method.IsIdempotent;

    internal bool TryGetCompressionProvider(string encoding, [NotNullWhen(true)] out ICompressionProvider? provider) =>
        _compressionProviders.TryGetValue(encoding, out provider);

    internal GrpcMethodInfo GetMethodInfo(IMethod method)
    {
        if (_methods.TryGetValue(method, out var info))
        {
            return info;
        }
        var basePath = Address.AbsoluteUri.TrimEnd('/');
        info = new GrpcMethodInfo(new Uri(basePath + method.FullName), method.FullName.TrimStart('/'), basePath + "/" + method.ServiceName);
        return _methods.GetOrAdd(method, info);
    }

    private static SocketsHttpHandler CreateDefaultHandler(GrpcChannelOptions options) => new()
    {
        // Several HTTP/2 connections when one reaches the server's stream limit; idle ones stay open.
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        KeepAlivePingDelay = options.KeepAlivePingDelay,
        KeepAlivePingTimeout = options.KeepAlivePingTimeout,
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        ConnectTimeout = options.ConnectTimeout,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseCookies = false,
    };

    private ResiliencePipeline BuildRetryPipeline(GrpcRetryOptions retry, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RetryableAttemptException>(),
            MaxRetryAttempts = retry.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.InitialBackoff,
            MaxDelay = retry.MaxBackoff,
            DelayGenerator = static args => new ValueTask<TimeSpan?>(
                args.Outcome.Exception is RetryableAttemptException { Pushback: { } pushback } ? pushback : null),
            OnRetry = args =>
            {
                if (args.Outcome.Exception is RetryableAttemptException failed)
                {
                    Diagnostics.Retries.Add(1, new KeyValuePair<string, object?>("grpc.method", failed.Method));
                    ClientLog.Retrying(Logger, failed.Method, failed.Status.StatusCode, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                }
                return default;
            },
        });
        return builder.Build();
    }
}
