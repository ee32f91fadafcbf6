using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ReviewMechanism.Grpc.Server.Telemetry;

namespace ReviewMechanism.Grpc.Tests;

public sealed class TelemetryTests : ProbeServerTestBase
{
    [Fact]
    public async Task CallsAndMessagesAreCountedByMethodAndStatus()
    {
        var meterFactory = (IMeterFactory)Server.Services.GetService(typeof(IMeterFactory))!;
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this server's meter: other test servers in the process have their own factory.
            if (instrument.Meter.Name == GrpcServerMetrics.MeterName && instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.Start();

        await Client.PostAsync(Expand, Frames.Of(new EchoRequest { ReplyCount = 3 }));
        await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 5, StatusMessage = "x" }));

        await WaitUntilAsync(() => measurements.Count(m => m.Instrument == "grpc.server.call.duration") == 2);
        var started = measurements.Where(m => m.Instrument == "grpc.server.call.started").ToList();
        Assert.Equal(2, started.Count);
        Assert.All(started, m => Assert.Equal("grpc", m.Tags["rpc.system"]));
        Assert.All(started, m => Assert.Equal("reviewmechanism.testing.v1.ProbeService", m.Tags["rpc.service"]));
        var completed = measurements.Where(m => m.Instrument == "grpc.server.call.completed").ToDictionary(m => (string)m.Tags["rpc.method"]!, m => m.Tags["rpc.grpc.status_code"]);
        Assert.Equal(0, completed["Expand"]);
        Assert.Equal(5, completed["Echo"]);
        Assert.Equal(3, measurements.Count(m => m.Instrument == "grpc.server.message.sent"));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "grpc.server.message.received"));
        Assert.All(measurements.Where(m => m.Instrument == "grpc.server.call.duration"), m => Assert.InRange(m.Value, 0, 10));
    }

    [Fact]
    public async Task EachCallHasAServerActivityThatContinuesTheCallersTrace()
    {
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GrpcServerActivity.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var traceId = ActivityTraceId.CreateRandom();
        var parentId = ActivitySpanId.CreateRandom();
        var trace = Guid.NewGuid().ToString("n");

        await Client.PostAsync(Echo, Frames.Of(new EchoRequest { Outcome = Outcome.RpcException, StatusCode = 13, StatusMessage = trace }),
            r => r.Headers.Add("traceparent", $"00-{traceId}-{parentId}-01"));

        await WaitUntilAsync(() => activities.Any(a => a.TraceId == traceId));
        var activity = activities.Single(a => a.TraceId == traceId);
        Assert.Equal("reviewmechanism.testing.v1.ProbeService/Echo", activity.DisplayName);
        Assert.Equal(ActivityKind.Server, activity.Kind);
        // A child of ASP.NET Core's request activity (itself the caller's child), or of the caller directly.
        var hosting = activity.Parent;
        Assert.True(hosting is null ? activity.ParentSpanId == parentId : hosting.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn" && hosting.ParentSpanId == parentId);
        Assert.Equal("grpc", activity.GetTagItem("rpc.system"));
        Assert.Equal("reviewmechanism.testing.v1.ProbeService", activity.GetTagItem("rpc.service"));
        Assert.Equal("Echo", activity.GetTagItem("rpc.method"));
        Assert.Equal(13, activity.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }
        return result;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }
}
