using Google.Protobuf;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Grpc;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.Grpc.Tests.Services;

/// <summary>Handlers whose behaviour the request chooses, so each test can provoke one edge case.</summary>
[AllowAnonymous]
public sealed class ProbeServiceImpl : ProbeService.ProbeServiceBase
{
    private readonly ProbeObservations _observations;

    public ProbeServiceImpl(ProbeObservations observations)
    {
        _observations = observations;
    }

    public override async Task<EchoReply> Echo(EchoRequest request, ServerCallContext context)
    {
        await ApplyAsync(request, context);
        return Reply(request, context, 0);
    }

    public override async Task Expand(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        await ApplyAsync(request, context);
        for (var i = 0; i < request.ReplyCount; i++)
        {
            await responseStream.WriteAsync(Reply(request, context, i));
        }
    }

    public override async Task<EchoReply> Collect(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var texts = new List<string>();
        var count = 0;
        EchoRequest? last = null;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            texts.Add(request.Text);
            count++;
            last = request;
        }
        if (last is not null)
        {
            await ApplyAsync(last, context);
        }
        return new EchoReply { Text = string.Join(",", texts), Index = count };
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var index = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            await ApplyAsync(request, context);
            await responseStream.WriteAsync(Reply(request, context, index++));
        }
    }

    public override async Task<WaitReply> Wait(WaitRequest request, ServerCallContext context)
    {
        _observations.Record(request.Probe + ":started", "started");
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            _observations.Record(request.Probe, "cancelled");
            throw;
        }
        return new WaitReply();
    }

    public override async Task Flood(WaitRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        var written = 0;
        try
        {
            while (true)
            {
                // Deliberately ignores the token: the server must stop it at the deadline anyway.
                await responseStream.WriteAsync(new EchoReply { Index = written, Payload = ByteString.CopyFrom(new byte[512]) }, CancellationToken.None);
                written++;
                await Task.Delay(request.IntervalMs);
            }
        }
        catch (Exception ex)
        {
            _observations.Record(request.Probe, $"{ex.GetType().Name} after {written} writes; token cancelled: {context.CancellationToken.IsCancellationRequested}");
            throw;
        }
    }

    private static EchoReply Reply(EchoRequest request, ServerCallContext context, int index) => new()
    {
        Text = request.Text,
        Payload = request.Payload,
        Index = index,
        HasDeadline = context.Deadline != DateTime.MaxValue,
        User = context.User.Identity?.Name ?? "",
    };

    private static async Task ApplyAsync(EchoRequest request, ServerCallContext context)
    {
        if (request.ResponseCompression.Length > 0)
        {
            context.ResponseCompression = request.ResponseCompression;
        }
        if (request.EchoMetadata)
        {
            var headers = new Metadata();
            foreach (var entry in context.RequestHeaders)
            {
                if (entry.Key.StartsWith("x-echo-", StringComparison.Ordinal))
                {
                    headers.Add(entry);
                    context.ResponseTrailers.Add(entry.IsBinary
                        ? new Metadata.Entry(entry.Key.Replace("x-echo-", "x-trailer-"), entry.ValueBytes)
                        : new Metadata.Entry(entry.Key.Replace("x-echo-", "x-trailer-"), entry.Value));
                }
            }
            await context.WriteResponseHeadersAsync(headers);
        }
        switch (request.Outcome)
        {
            case Outcome.RpcException:
                throw new RpcException(new Status((StatusCode)request.StatusCode, request.StatusMessage));
            case Outcome.UnhandledException:
                throw new InvalidOperationException(request.StatusMessage);
            case Outcome.RichError:
                throw RpcErrors.InvalidArgument(request.StatusMessage, ("text", "must not be empty"), ("payload", "must be at most 10 bytes"));
            case Outcome.ContextStatus:
                context.Status = new Status((StatusCode)request.StatusCode, request.StatusMessage);
                break;
        }
    }
}
