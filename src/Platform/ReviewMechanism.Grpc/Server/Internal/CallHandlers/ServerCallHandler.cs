using Microsoft.AspNetCore.Http;
using ReviewMechanism.Grpc.Protocol;
using ReviewMechanism.Grpc.Server.Telemetry;

namespace ReviewMechanism.Grpc.Server.Internal.CallHandlers;

/// <summary>
/// The endpoint of one RPC: protocol checks, then the call's lifecycle around the method-type
/// specific part. Created once per method at startup; holds no per-call state.
/// </summary>
internal abstract class ServerCallHandler
{
    protected ServerCallHandler(ServerMethodState state)
    {
        State = state;
    }

    protected ServerMethodState State { get; }

    public Task HandleCallAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!GrpcHeaders.IsGrpcContentType(request.ContentType))
        {
            return ProtocolResponses.UnsupportedMediaTypeAsync(httpContext);
        }
        if (!ProtocolResponses.IsHttp2OrLater(request.Protocol))
        {
            return ProtocolResponses.UpgradeRequiredAsync(httpContext);
        }
        if (!string.Equals(request.Path.Value, State.FullName, StringComparison.Ordinal))
        {
            // Routing ignores case; gRPC paths do not.
            return ProtocolResponses.UnimplementedAsync(httpContext, $"Method '{request.Path.Value}' is not implemented by this server (method names are case-sensitive).");
        }
        if (GrpcServerActivity.Source.HasListeners())
        {
            return HandleInActivityScopeAsync(httpContext);
        }
        return HandleCore(httpContext);
    }

    // Activity.Current is an AsyncLocal: an async frame keeps the call's activity out of Kestrel's flow.
    private async Task HandleInActivityScopeAsync(HttpContext httpContext) => await HandleCore(httpContext).ConfigureAwait(false);

    private Task HandleCore(HttpContext httpContext)
    {
        var call = new HttpServerCallContext(httpContext, State);
        call.Start();
        Task task;
        try
        {
            task = InvokeAsync(call);
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }
        if (task.IsCompletedSuccessfully)
        {
            return call.EndAsync();
        }
        return AwaitCallAsync(call, task);
    }

    private static async Task AwaitCallAsync(HttpServerCallContext call, Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            call.Fail(ex);
        }
        await call.EndAsync().ConfigureAwait(false);
    }

    /// <summary>Authorizes, reads, runs the handler chain and completes the call (status included).</summary>
    protected abstract Task InvokeAsync(HttpServerCallContext call);
}
