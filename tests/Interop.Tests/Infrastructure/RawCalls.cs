using Grpc.Core;

namespace Interop.Tests.Infrastructure;

/// <summary>
/// Calls any RPC with request bytes chosen by the test (valid, truncated, malformed), through Grpc.Net.Client: the
/// client frames the bytes as it frames any message; the test never writes gRPC framing itself.
/// </summary>
public static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    /// <summary>
    /// The status the call ended with. A streaming response is read to its end; <paramref name="timeout"/> is the
    /// call's deadline (a watch that sends nothing ends DEADLINE_EXCEEDED).
    /// </summary>
    public static async Task<Status> CallAsync(CallInvoker invoker, Rpc rpc, byte[] request, string? token, TimeSpan timeout)
    {
        var method = new Method<byte[], byte[]>(TypeOf(rpc), rpc.Service.FullName, rpc.Method.Name, Bytes, Bytes);
        var headers = new Metadata();
        if (token is not null)
        {
            headers.Add("authorization", $"Bearer {token}");
        }
        var options = new CallOptions(headers, DateTime.UtcNow + timeout);
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    using (var call = invoker.AsyncUnaryCall(method, null, options, request))
                    {
                        await call.ResponseAsync;
                        return call.GetStatus();
                    }
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(method, null, options, request))
                    {
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                        return call.GetStatus();
                    }
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await SendAsync(call.RequestStream, request);
                        await call.ResponseAsync;
                        return call.GetStatus();
                    }
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        await SendAsync(call.RequestStream, request);
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                        return call.GetStatus();
                    }
            }
        }
        catch (RpcException error)
        {
            return error.Status;
        }
    }

    /// <summary>
    /// Writes the one request message and ends the stream. A server may refuse a streaming call before it reads the
    /// request (a missing role is refused before the body): then the write fails with a bare Cancelled and the
    /// server's own status is what the response gives, as any gRPC client reads it.
    /// </summary>
    private static async Task SendAsync(IClientStreamWriter<byte[]> requests, byte[] request)
    {
        try
        {
            await requests.WriteAsync(request);
            await requests.CompleteAsync();
        }
        catch (RpcException)
        {
        }
        catch (InvalidOperationException)
        {
            // "Request stream has already been completed" or the call is over: the response says how.
        }
    }

    private static MethodType TypeOf(Rpc rpc) => (rpc.Method.IsClientStreaming, rpc.Method.IsServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        _ => MethodType.DuplexStreaming,
    };
}
