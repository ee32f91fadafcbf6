using System.Collections.Concurrent;
using ReviewMechanism.Grpc;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Tests.Services;

/// <summary>Writes "name>" before and "name<" after the continuation into a per-call trace header.</summary>
public abstract class RecordingInterceptor(string name) : Interceptor
{
    public static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Traces = new();

    private static int _instances;

    protected int Number { get; } = Interlocked.Increment(ref _instances);

    public static int Instances => Volatile.Read(ref _instances);

    private void Record(ServerCallContext context, string mark) =>
        Traces.GetOrAdd(context.RequestHeaders.GetValue("x-trace") ?? "", _ => new()).Enqueue(name + mark);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Record(context, ">");
        var response = await continuation(request, context);
        Record(context, "<");
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Record(context, ">");
        await continuation(request, responseStream, context);
        Record(context, "<");
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Record(context, ">");
        var response = await continuation(requestStream, context);
        Record(context, "<");
        return response;
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Record(context, ">");
        await continuation(requestStream, responseStream, context);
        Record(context, "<");
    }
}

public sealed class OuterInterceptor() : RecordingInterceptor("outer");

public sealed class InnerInterceptor() : RecordingInterceptor("inner");
