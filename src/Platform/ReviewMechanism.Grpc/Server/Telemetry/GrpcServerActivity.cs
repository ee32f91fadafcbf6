using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using ReviewMechanism.Grpc.Server.Internal;

namespace ReviewMechanism.Grpc.Server.Telemetry;

/// <summary>
/// One Activity per call (ActivitySource "ReviewMechanism.Grpc.Server"), a child of ASP.NET Core's
/// request activity (or of the request's W3C traceparent when there is none), tagged with
/// OpenTelemetry's RPC conventions. Nothing is allocated when no listener samples the source.
/// </summary>
public static class GrpcServerActivity
{
    public const string SourceName = "ReviewMechanism.Grpc.Server";

    public static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(ServerMethodState state, HttpContext httpContext)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        Activity? activity;
        if (Activity.Current is null
            && httpContext.Request.Headers.TryGetValue("traceparent", out var traceParent)
            && ActivityContext.TryParse(traceParent.ToString(), httpContext.Request.Headers["tracestate"].ToString(), isRemote: true, out var parent))
        {
            activity = Source.StartActivity(state.ActivityName, ActivityKind.Server, parent);
        }
        else
        {
            activity = Source.StartActivity(state.ActivityName, ActivityKind.Server);
        }
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", state.Method.ServiceName);
            activity.SetTag("rpc.method", state.Method.Name);
        }
        return activity;
    }

    internal static void Stop(Activity activity, Status status)
    {
        if (activity.IsAllDataRequested)
        {
            activity.SetTag("rpc.grpc.status_code", (int)status.StatusCode);
            if (IsServerError(status.StatusCode))
            {
                activity.SetStatus(ActivityStatusCode.Error, status.Detail);
            }
        }
        activity.Stop();
    }

    // OpenTelemetry: on server spans only these codes mark the span as an error.
    private static bool IsServerError(StatusCode code) => code is StatusCode.Unknown or StatusCode.DeadlineExceeded
        or StatusCode.Unimplemented or StatusCode.Internal or StatusCode.Unavailable or StatusCode.DataLoss;
}
