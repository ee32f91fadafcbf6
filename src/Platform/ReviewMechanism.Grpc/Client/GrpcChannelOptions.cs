using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Grpc.Protocol;

namespace ReviewMechanism.Grpc.Client;

/// <summary>Settings of a <see cref="GrpcChannel"/>.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>
    /// An HttpClient to send calls with. It must speak HTTP/2 and have an infinite Timeout
    /// (calls have their own deadlines). Default: one the channel builds on SocketsHttpHandler.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>A handler to wrap in the channel's HttpClient (ignored when <see cref="HttpClient"/> is set).</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Whether disposing the channel disposes a caller-supplied HttpClient or HttpHandler. Default false.</summary>
    public bool DisposeHttpClient { get; set; }

    /// <summary>Largest response message accepted (bytes, after decompression). Default 4 MB; null means no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = MessageFraming.DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent (bytes, before compression). Default: no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// Compression algorithms for <c>CallOptions.Compression</c> and for decoding responses;
    /// advertised in <c>grpc-accept-encoding</c>. Default: gzip.
    /// </summary>
    public IList<ICompressionProvider> CompressionProviders { get; set; } = new List<ICompressionProvider> { GzipCompressionProvider.Default };

    /// <summary>Retries of idempotent calls on UNAVAILABLE; null turns retries off. On by default.</summary>
    public GrpcRetryOptions? Retry { get; set; } = new();

    /// <summary>Credentials applied to every call of the channel.</summary>
    public IList<CallCredentials> CallCredentials { get; } = new List<CallCredentials>();

    /// <summary>Allow call credentials over cleartext (h2c) channels, e.g. on an internal network. Default false.</summary>
    public bool UnsafeUseInsecureChannelCallCredentials { get; set; }

    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Creates the "ReviewMechanism.Grpc.Client" meter; default: a shared static meter.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>The clock for deadlines and retry delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>HTTP/2 keep-alive ping interval of the default handler (pings only while calls are active). Default 60 s.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the default handler waits for a ping reply before closing the connection. Default 30 s.</summary>
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>TCP connect timeout of the default handler. Default 20 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
