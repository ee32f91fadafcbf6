using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ReviewMechanism.Grpc.Client.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.Grpc.Client.Tests;

public sealed class TelemetryTests
{
    private static readonly ActivitySource TestSource = new("ReviewMechanism.Grpc.Client.Tests");

    [Fact]
    public async Task OutgoingCallCarriesTheCurrentTraceAsW3CTraceparent()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            seen.TrySetResult(SeenRequest.Capture(context, await Wire.ReadAllFramesAsync(context.Request)));
            await Wire.ReplyAsync(context, new TestReply());
        });
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "ReviewMechanism.Grpc.Client" or "ReviewMechanism.Grpc.Client.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var channel = server.CreateChannel();
        var client = new ClientTestService.ClientTestServiceClient(channel);

        using var parent = TestSource.StartActivity("draft-country-review")!;
        var call = client.CreateAsync(new TestRequest());
        Assert.Same(parent, Activity.Current);
        await call;

        var traceparent = (await seen.Task).Header("traceparent");
        Assert.NotNull(traceparent);
        var parts = traceparent.Split('-');
        Assert.Equal(parent.TraceId.ToHexString(), parts[1]);
        Assert.NotEqual(parent.SpanId.ToHexString(), parts[2]);
        var span = Assert.Single(stopped, a => a.Source.Name == "ReviewMechanism.Grpc.Client" && a.TraceId == parent.TraceId);
        Assert.Equal("reviewmechanism.testing.v1.ClientTestService/Create", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(parent.SpanId, span.ParentSpanId);
        Assert.Equal("grpc", span.GetTagItem("rpc.system"));
        Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task AmbientTraceIsPropagatedEvenWithoutAListenerOnTheClientSource()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, async context =>
        {
            seen.TrySetResult(SeenRequest.Capture(context, await Wire.ReadAllFramesAsync(context.Request)));
            await Wire.ReplyAsync(context, new TestReply());
        });
        var onlyTests = new ActivitySource("ReviewMechanism.Grpc.Client.Tests.Ambient");
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == onlyTests.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var channel = server.CreateChannel();

        using var incomingRequest = onlyTests.StartActivity("incoming-request")!;
        await new ClientTestService.ClientTestServiceClient(channel).CreateAsync(new TestRequest());

        Assert.Equal(incomingRequest.TraceId.ToHexString(), (await seen.Task).Header("traceparent")!.Split('-')[1]);
    }

    [Fact]
    public async Task CallsAreMeasuredWithMethodTargetAndStatus()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, async context =>
        {
            var request = (await Wire.ReadAllFramesAsync(context.Request)).Single().Parse(TestRequest.Parser);
            if (request.Text == "missing")
            {
                await Wire.TrailersOnlyAsync(context, (int)StatusCode.NotFound, "no such review");
                return;
            }
            await Wire.ReplyAsync(context, new TestReply());
        });
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "ReviewMechanism.Grpc.Client" && instrument.Meter.Scope == meterFactory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();
        using var channel = server.CreateChannel(new GrpcChannelOptions { MeterFactory = meterFactory, Retry = null });
        var client = new ClientTestService.ClientTestServiceClient(channel);

        await client.GetAsync(new TestRequest { Text = "found" });
        await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new TestRequest { Text = "missing" }));

        Assert.Equal(2, measurements.Where(m => m.Instrument == "grpc.client.attempt.started").Sum(m => m.Value));
        var durations = measurements.Where(m => m.Instrument == "grpc.client.call.duration").ToList();
        Assert.Equal(["NOT_FOUND", "OK"], durations.Select(d => (string)d.Tags["grpc.status"]!).Order());
        Assert.All(durations, d =>
        {
            Assert.Equal("reviewmechanism.testing.v1.ClientTestService/Get", d.Tags["grpc.method"]);
            Assert.Equal(server.Address.Authority, d.Tags["grpc.target"]);
            Assert.InRange(d.Value, 0, 10);
        });
    }

    [Fact]
    public async Task RetriesAreCountedAndLogged()
    {
        var attempts = 0;
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.GetMethod, async context =>
        {
            if (Interlocked.Increment(ref attempts) < 3)
            {
                await Wire.TrailersOnlyAsync(context, (int)StatusCode.Unavailable, "restarting");
                return;
            }
            await Wire.ReplyAsync(context, new TestReply());
        });
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        long retries = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "grpc.client.call.retries" && instrument.Meter.Scope == meterFactory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref retries, value));
        listener.Start();
        var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var channel = server.CreateChannel(new GrpcChannelOptions
        {
            MeterFactory = meterFactory,
            LoggerFactory = loggerFactory,
            Retry = new GrpcRetryOptions { InitialBackoff = TimeSpan.FromMilliseconds(5) },
        });

        await new ClientTestService.ClientTestServiceClient(channel).GetAsync(new TestRequest());

        Assert.Equal(2, Interlocked.Read(ref retries));
        Assert.Equal(2, logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("retrying", StringComparison.Ordinal)));
        Assert.Contains(logs.Entries, e => e.Message.Contains("finished with status OK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedCallIsLoggedWithItsStatus()
    {
        await using var server = await RawGrpcServer.StartAsync(ClientTestService.CreateMethod, context =>
            Wire.TrailersOnlyAsync(context, (int)StatusCode.PermissionDenied, "Only the Secretariat may do this"));
        var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        using var channel = server.CreateChannel(new GrpcChannelOptions { LoggerFactory = loggerFactory });

        await Assert.ThrowsAsync<RpcException>(async () => await new ClientTestService.ClientTestServiceClient(channel).CreateAsync(new TestRequest()));

        var entry = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("PermissionDenied", entry.Message);
        Assert.Contains("Only the Secretariat may do this", entry.Message);
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
}
