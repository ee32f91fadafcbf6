using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Grpc;
using ReviewMechanism.ReverseProxy.Configuration;

namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>
/// The forwarder. For a request it: lifts server limits for streams (gRPC) and applies the route's
/// own, builds the forwarded request (headers minus hop-by-hop, <c>te: trailers</c>, X-Forwarded-*, the
/// body as a <see cref="StreamingRequestContent"/>), sends it with HTTP/2 to gRPC destinations, copies the
/// status and headers, streams the body back (flushed whenever the destination pauses), then copies the trailers.
/// <list type="bullet">
/// <item>A reply with no body (gRPC trailers-only) is never started early, so Kestrel sends it as one HEADERS frame with END_STREAM, as received.</item>
/// <item>When the destination sent headers and its body is not there yet, the headers go out at once.</item>
/// <item>Before the response starts, failures become 502 (unreachable), 504 (activity timeout), 413
/// (too large); gRPC callers also get grpc-status 14 (8 for size) trailers-only with a message.</item>
/// <item>After it started, the client's stream is reset: with the destination's own HTTP/2 error code when
/// it reset, INTERNAL_ERROR when the destination failed, CANCEL on activity timeout,
/// ENHANCE_YOUR_CALM (RESOURCE_EXHAUSTED to gRPC) when a request message broke the limit.</item>
/// <item>The client aborting cancels the forwarded request, so the destination sees RST_STREAM(CANCEL).</item>
/// </list>
/// </summary>
public sealed partial class HttpForwarder(ILogger<HttpForwarder> logger) : IHttpForwarder
{
    /// <summary>Bytes written without a flush before one is forced even though more are waiting (back-pressure).</summary>
    private const int FlushThreshold = 64 * 1024;

    // RFC 9113 7: HTTP/2 error codes.
    private const int Http2InternalError = 0x2;
    private const int Http2Cancel = 0x8;
    private const int Http2EnhanceYourCalm = 0xb;

    public async ValueTask<ForwarderError> SendAsync(HttpContext context, string destinationPrefix, HttpMessageInvoker httpClient,
        ForwarderRequestConfig requestConfig, HttpTransformer transformer, RequestBodyLimits limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (httpClient is HttpClient)
        {
            throw new ArgumentException("Forward through an HttpMessageInvoker: HttpClient.SendAsync buffers the response.", nameof(httpClient));
        }
        if (context.Response.HasStarted)
        {
            throw new InvalidOperationException("The response has already started; the request cannot be forwarded.");
        }

        var isGrpc = ProxyErrorResponses.IsGrpcRequest(context.Request);
        var activityTimeout = requestConfig.ActivityTimeout ?? ForwarderRequestConfig.DefaultActivityTimeout;
        using var cancellation = new ProxyCancellation(activityTimeout, context.RequestAborted);

        if (RefuseDeclaredLength(context, limits) is string tooLarge)
        {
            return await FailBeforeResponseAsync(context, ForwarderError.RequestBodyTooLarge, null, tooLarge, isGrpc).ConfigureAwait(false);
        }
        PrepareServerLimits(context, isGrpc, limits);

        var (request, content) = await CreateRequestAsync(context, destinationPrefix, requestConfig, transformer, limits, isGrpc, cancellation).ConfigureAwait(false);
        LogForwarding(logger, context.Request.Method, request.RequestUri!, request.Version);

        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, cancellation.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return await HandleRequestFailureAsync(context, content, cancellation, ex, isGrpc).ConfigureAwait(false);
        }

        using (response)
        {
            cancellation.ResetTimeout();
            try
            {
                context.Response.StatusCode = (int)response.StatusCode;
                await transformer.TransformResponseAsync(context, response, cancellation.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                await StopRequestBodyAsync(content, cancellation).ConfigureAwait(false);
                context.Response.Clear();
                return await FailBeforeResponseAsync(context, ForwarderError.ResponseHeaders, ex, "The destination's response could not be forwarded.", isGrpc, StatusCodes.Status502BadGateway).ConfigureAwait(false);
            }

            var (copy, copyException) = await CopyResponseBodyAsync(context, response, cancellation).ConfigureAwait(false);
            if (copy != ForwarderError.None)
            {
                return await HandleResponseBodyFailureAsync(context, content, cancellation, copy, copyException, isGrpc).ConfigureAwait(false);
            }

            await transformer.TransformResponseTrailersAsync(context, response, cancellation.Token).ConfigureAwait(false);
            try
            {
                // Sends what is left and the trailers now; a reply without body goes out as one HEADERS frame.
                await context.Response.CompleteAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                await StopRequestBodyAsync(content, cancellation).ConfigureAwait(false);
                return Report(context, ForwarderError.ResponseBodyClient, ex);
            }
        }

        // The destination has answered in full: whatever the client still sends is of no use to it.
        if (content is not null && content.InProgress)
        {
            cancellation.Cancel(ProxyCancelReason.ResponseCompleted);
            await content.Completion.ConfigureAwait(false);
        }
        return ForwarderError.None;
    }

    private static string? RefuseDeclaredLength(HttpContext context, RequestBodyLimits limits) =>
        limits.MaxBodySize is long max && context.Request.ContentLength > max
            ? $"The request body of {context.Request.ContentLength} bytes is larger than the limit of {max} bytes."
            : null;

    /// <summary>
    /// Kestrel's own body limits would end a long client stream (minimum data rate) or a large one
    /// (30 MB): for gRPC, and for routes with their own limits, the forwarder counts bytes itself.
    /// </summary>
    private void PrepareServerLimits(HttpContext context, bool isGrpc, RequestBodyLimits limits)
    {
        if (isGrpc)
        {
            var rate = context.Features.Get<IHttpMinRequestBodyDataRateFeature>();
            if (rate is not null)
            {
                rate.MinDataRate = null;
            }
        }
        if (isGrpc || limits.MaxBodySize is not null)
        {
            var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (size is { IsReadOnly: false })
            {
                size.MaxRequestBodySize = null;
            }
        }
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
    }

    private static async Task<(HttpRequestMessage, StreamingRequestContent?)> CreateRequestAsync(HttpContext context, string destinationPrefix,
        ForwarderRequestConfig config, HttpTransformer transformer, RequestBodyLimits limits, bool isGrpc, ProxyCancellation cancellation)
    {
        var request = new HttpRequestMessage(HttpMethod.Parse(context.Request.Method), (Uri?)null)
        {
            Version = config.Version ?? ForwarderRequestConfig.DefaultVersion,
            VersionPolicy = config.VersionPolicy ?? HttpVersionPolicy.RequestVersionOrLower,
        };
        StreamingRequestContent? content = null;
        if (HasBody(context.Request))
        {
            content = new StreamingRequestContent(context.Request, cancellation, limits, isGrpc);
            request.Content = content;
        }
        await transformer.TransformRequestAsync(context, request, destinationPrefix, cancellation.Token).ConfigureAwait(false);
        return (request, content);
    }

    private static bool HasBody(HttpRequest request)
    {
        var detection = request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>();
        if (detection is not null)
        {
            return detection.CanHaveBody;
        }
        return request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;
    }

    private async Task<(ForwarderError, Exception?)> CopyResponseBodyAsync(HttpContext context, HttpResponseMessage response, ProxyCancellation cancellation)
    {
        var token = cancellation.Token;
        Stream source;
        try
        {
            source = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return (ReadFailure(cancellation), ex);
        }

        var writer = context.Response.BodyWriter;
        await using (source.ConfigureAwait(false))
        {
            var unflushed = 0;
            var started = false;
            while (true)
            {
                // Wait for the destination without holding a buffer: a zero-byte read completes when data or
                // the end is there. Before waiting, push out what was written (the headers the first time:
                // the client sees them as soon as the destination sent them). While bytes keep coming nothing
                // is flushed, and what is left at the end goes out with the trailers: a unary reply leaves in
                // one write. A reply that has already ended (trailers-only) is never started early, so it
                // keeps its single HEADERS frame.
                var waiting = source.ReadAsync(Memory<byte>.Empty, token);
                if (!waiting.IsCompleted || unflushed >= FlushThreshold)
                {
                    try
                    {
                        if (!started)
                        {
                            await context.Response.StartAsync(token).ConfigureAwait(false);
                            started = true;
                        }
                        var flushed = await writer.FlushAsync(token).ConfigureAwait(false);
                        unflushed = 0;
                        if (flushed.IsCanceled || flushed.IsCompleted)
                        {
                            throw new IOException("The client stopped receiving the response.");
                        }
                    }
                    catch (Exception ex)
                    {
                        var failure = WriteFailure(cancellation);
                        cancellation.Cancel(ProxyCancelReason.ClientAborted);
                        await IgnoreFailureAsync(waiting).ConfigureAwait(false);
                        return (failure, ex);
                    }
                }
                try
                {
                    await waiting.ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return (ReadFailure(cancellation), ex);
                }

                // Read straight into the client's response pipe (Kestrel's pooled blocks): no buffer of ours,
                // and only while bytes move, so idle streams hold none. Asking the pipe for memory does not start
                // the response, so a reply that has no body (trailers-only) still leaves as one HEADERS frame
                // (TrailersOnlyReplyIsPassedThroughAsOneHeadersFrame).
                int read;
                try
                {
                    read = await source.ReadAsync(writer.GetMemory(), token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return (ReadFailure(cancellation), ex);
                }
                if (read == 0)
                {
                    return (ForwarderError.None, null);
                }
                cancellation.ResetTimeout();
                writer.Advance(read);
                unflushed += read;
                started = true;
            }
        }
    }

    private static async Task IgnoreFailureAsync(ValueTask<int> read)
    {
        try
        {
            await read.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Cancelled on purpose; the failure that matters is reported by the caller.
        }
    }

    private static ForwarderError ReadFailure(ProxyCancellation cancellation) => cancellation.IsCancellationRequested
        ? CancelledError(cancellation.Reason)
        : ForwarderError.ResponseBodyDestination;

    private static ForwarderError WriteFailure(ProxyCancellation cancellation) => cancellation.IsCancellationRequested
        ? CancelledError(cancellation.Reason)
        : ForwarderError.ResponseBodyClient;

    private static ForwarderError CancelledError(ProxyCancelReason reason) => reason switch
    {
        ProxyCancelReason.ActivityTimeout => ForwarderError.ResponseActivityTimeout,
        ProxyCancelReason.RequestBodyTooLarge => ForwarderError.RequestBodyTooLarge,
        _ => ForwarderError.ResponseBodyCanceled,
    };

    private async Task<ForwarderError> HandleRequestFailureAsync(HttpContext context, StreamingRequestContent? content, ProxyCancellation cancellation, Exception exception, bool isGrpc)
    {
        var body = await StopRequestBodyAsync(content, cancellation).ConfigureAwait(false);
        var reason = cancellation.Reason;
        if (reason == ProxyCancelReason.ClientAborted || context.RequestAborted.IsCancellationRequested)
        {
            return Report(context, ForwarderError.RequestCanceled, exception);
        }
        if (reason == ProxyCancelReason.RequestBodyTooLarge || body?.Outcome == RequestBodyOutcome.TooLarge)
        {
            return await FailBeforeResponseAsync(context, ForwarderError.RequestBodyTooLarge, exception, body?.Detail ?? "The request is larger than the route allows.", isGrpc).ConfigureAwait(false);
        }
        if (body?.Outcome == RequestBodyOutcome.ClientError)
        {
            var status = body.Exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            Report(context, ForwarderError.RequestBodyClient, body.Exception ?? exception);
            await TryWriteErrorAsync(context, status, StatusCode.Cancelled, "The request body could not be read from the client.").ConfigureAwait(false);
            return ForwarderError.RequestBodyClient;
        }
        if (reason == ProxyCancelReason.ActivityTimeout || exception is OperationCanceledException or TimeoutException)
        {
            return await FailBeforeResponseAsync(context, ForwarderError.RequestTimedOut, exception,
                "The service did not answer within the gateway's activity timeout.", isGrpc, StatusCodes.Status504GatewayTimeout).ConfigureAwait(false);
        }
        return await FailBeforeResponseAsync(context, ForwarderError.Request, exception,
            "The service could not be reached.", isGrpc, StatusCodes.Status502BadGateway).ConfigureAwait(false);
    }

    private async Task<ForwarderError> HandleResponseBodyFailureAsync(HttpContext context, StreamingRequestContent? content, ProxyCancellation cancellation,
        ForwarderError error, Exception? exception, bool isGrpc)
    {
        var body = await StopRequestBodyAsync(content, cancellation).ConfigureAwait(false);
        if (error == ForwarderError.ResponseBodyDestination && body?.Outcome == RequestBodyOutcome.TooLarge)
        {
            error = ForwarderError.RequestBodyTooLarge;
        }
        Report(context, error, exception);
        if (!context.Response.HasStarted)
        {
            // Nothing reached the client yet: it can still get a clean answer.
            context.Response.Clear();
            switch (error)
            {
                case ForwarderError.RequestBodyTooLarge:
                    await WriteTooLargeAsync(context, body?.Detail ?? "The request is larger than the route allows.", isGrpc).ConfigureAwait(false);
                    return error;
                case ForwarderError.ResponseActivityTimeout:
                    await TryWriteErrorAsync(context, StatusCodes.Status504GatewayTimeout, StatusCode.Unavailable, "The service stopped sending within the gateway's activity timeout.").ConfigureAwait(false);
                    return error;
                case ForwarderError.ResponseBodyDestination:
                    await TryWriteErrorAsync(context, StatusCodes.Status502BadGateway, StatusCode.Unavailable, "The service failed while answering.").ConfigureAwait(false);
                    return error;
            }
        }
        // The response has started: end the client's stream so a truncated reply is never taken as complete.
        Reset(context, error switch
        {
            ForwarderError.ResponseBodyDestination => DestinationErrorCode(exception),
            ForwarderError.RequestBodyTooLarge => Http2EnhanceYourCalm,
            ForwarderError.ResponseActivityTimeout or ForwarderError.ResponseBodyCanceled => Http2Cancel,
            _ => Http2InternalError,
        });
        return error;
    }

    /// <summary>The destination's own reset code passes through (CANCEL stays CANCELLED for the client); anything else is INTERNAL_ERROR.</summary>
    private static int DestinationErrorCode(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpProtocolException protocol && protocol.ErrorCode is >= 0 and <= 0xd)
            {
                return protocol.ErrorCode == 0 ? Http2InternalError : (int)protocol.ErrorCode;
            }
        }
        return Http2InternalError;
    }

    private static void Reset(HttpContext context, int errorCode)
    {
        var reset = context.Features.Get<IHttpResetFeature>();
        if (reset is not null)
        {
            reset.Reset(errorCode);
            return;
        }
        context.Abort();
    }

    private static async Task<RequestBodyResult?> StopRequestBodyAsync(StreamingRequestContent? content, ProxyCancellation cancellation)
    {
        if (content is null || !content.Started)
        {
            return null;
        }
        if (!content.Completion.IsCompleted)
        {
            cancellation.Cancel(ProxyCancelReason.ResponseCompleted);
        }
        return await content.Completion.ConfigureAwait(false);
    }

    private async Task<ForwarderError> FailBeforeResponseAsync(HttpContext context, ForwarderError error, Exception? exception, string message, bool isGrpc, int httpStatus = StatusCodes.Status413PayloadTooLarge)
    {
        Report(context, error, exception);
        if (error == ForwarderError.RequestBodyTooLarge)
        {
            await WriteTooLargeAsync(context, message, isGrpc).ConfigureAwait(false);
        }
        else
        {
            await TryWriteErrorAsync(context, httpStatus, StatusCode.Unavailable, message).ConfigureAwait(false);
        }
        return error;
    }

    private static async Task WriteTooLargeAsync(HttpContext context, string message, bool isGrpc)
    {
        if (context.Response.HasStarted)
        {
            return;
        }
        context.Response.Clear();
        if (isGrpc)
        {
            await ProxyErrorResponses.WriteGrpcStatusAsync(context, StatusCode.ResourceExhausted, message).ConfigureAwait(false);
            return;
        }
        await TryWriteErrorAsync(context, StatusCodes.Status413PayloadTooLarge, StatusCode.ResourceExhausted, message).ConfigureAwait(false);
    }

    private static async Task TryWriteErrorAsync(HttpContext context, int httpStatus, StatusCode grpcCode, string message)
    {
        try
        {
            await ProxyErrorResponses.WriteErrorAsync(context, httpStatus, grpcCode, message).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client is gone; there is no one to tell.
        }
    }

    private ForwarderError Report(HttpContext context, ForwarderError error, Exception? exception)
    {
        context.Features.Set<IForwarderErrorFeature>(new ForwarderErrorFeature(error, exception));
        if (error is ForwarderError.RequestCanceled or ForwarderError.ResponseBodyCanceled)
        {
            LogCancelled(logger, error, exception);
        }
        else
        {
            LogFailed(logger, error, context.Request.Path, exception);
        }
        return error;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarding {Method} to {Destination} over HTTP/{Version}")]
    private static partial void LogForwarding(ILogger logger, string method, Uri destination, Version version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding {Path} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, ForwarderError error, PathString path, Exception? exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarding stopped by the client: {Error}")]
    private static partial void LogCancelled(ILogger logger, ForwarderError error, Exception? exception);
}
