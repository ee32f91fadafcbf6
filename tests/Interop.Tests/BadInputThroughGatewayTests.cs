using System.Diagnostics;
using Grpc.Core;
using Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Interop.Tests;

/// <summary>
/// Malformed requests sent to every RPC of every served service through the gateway, by a caller every RPC lets
/// through (a Secretariat token with every scope): the answer is the caller's problem told clearly (INVALID_ARGUMENT
/// or INTERNAL, a short message that quotes at most a few dozen characters of the input), never UNAVAILABLE or
/// UNKNOWN, never a hang; and every service is still healthy afterwards.
/// </summary>
[Collection(ProductStackCollection.Name)]
public sealed class BadInputThroughGatewayTests(ProductStack stack, ITestOutputHelper output)
{
    private const int MaxMessage = 400;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    /// <summary>How long an empty watch is left open (it is let stream; the other variants still wait <see cref="Deadline"/>).</summary>
    private static readonly TimeSpan WatchDeadline = TimeSpan.FromSeconds(10);

    private static IEnumerable<Rpc> Served => RpcCatalog.All.Where(r => r.Declaration is { Scheme: null });

    /// <summary>
    /// 100 kB in every string field: refused as the caller's mistake. Most RPCs check the fields first
    /// (INVALID_ARGUMENT); one that looks a resource up by the id it was given may answer that it does not exist
    /// (NOT_FOUND) or that its state forbids the call (FAILED_PRECONDITION), quoting the input cut short. A route
    /// that takes small bodies only (the anonymous ones) refuses the message at the gateway: RESOURCE_EXHAUSTED.
    /// </summary>
    [Fact]
    public async Task OversizeFieldsAreRefusedAsTheCallersMistakeWithAShortMessage()
    {
        await SendToEveryRpcAsync("100 kB in every string field", rpc => rpc.Method.InputType.Fields.InDeclarationOrder().Any(f => f.FieldType == Google.Protobuf.Reflection.FieldType.String)
            ? Requests.Oversize(rpc.Method.InputType, 100_000)
            : null, [StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition]);
    }

    [Fact]
    public async Task TruncatedProtobufIsRefusedWithAShortError() =>
        await SendToEveryRpcAsync("truncated protobuf", rpc => Requests.Truncated(rpc.Method.InputType), [StatusCode.InvalidArgument, StatusCode.Internal]);

    [Fact]
    public async Task BytesThatAreNotProtobufAreRefusedWithAShortError() =>
        await SendToEveryRpcAsync("not protobuf", _ => Requests.Invalid(), [StatusCode.InvalidArgument, StatusCode.Internal]);

    [Fact]
    public async Task AWireTypeThatDoesNotExistIsRefusedWithAShortError() =>
        await SendToEveryRpcAsync("wire type 7", _ => Requests.InvalidWireType(), [StatusCode.InvalidArgument, StatusCode.Internal]);

    /// <summary>
    /// Fields with a valid wire type other than their own are unknown fields to protobuf (kept, not read), so the
    /// service sees an empty request and answers it as such: any clear status, never UNAVAILABLE, UNKNOWN or a hang.
    /// </summary>
    [Fact]
    public async Task FieldsSentWithAnotherWireTypeGetAClearAnswer() =>
        await SendToEveryRpcAsync("every field with another wire type", rpc => Requests.WrongWireTypes(rpc.Method.InputType), null);

    private async Task SendToEveryRpcAsync(string variant, Func<Rpc, byte[]?> request, StatusCode[]? expected)
    {
        var token = stack.Token("bad-input-secretariat", ["Secretariat"], "reviews nominations documents engagement reporting identity");
        var invoker = stack.Gateway.CreateCallInvoker();
        var cases = Served.Select(rpc => (Rpc: rpc, Bytes: request(rpc))).Where(c => c.Bytes is not null).ToList();
        var calls = new Task<(Status Status, long Milliseconds)>[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            var (rpc, bytes) = cases[i];
            // An empty watch streams until the caller's deadline (accepted below): it runs beside the unary calls, which
            // go one after another, and waits a shorter deadline.
            var watch = rpc.Method.IsServerStreaming && expected is null;
            var call = TimedCallAsync(invoker, rpc, bytes!, token, watch ? WatchDeadline : Deadline);
            calls[i] = watch ? call : Task.FromResult(await call);
        }
        await Task.WhenAll(calls);
        var failures = new List<string>();
        var sent = cases.Count;
        for (var i = 0; i < cases.Count; i++)
        {
            var (rpc, bytes) = cases[i];
            var (status, milliseconds) = calls[i].Result;
            // Anonymous routes take small bodies only (src/Gateway/appsettings.json, MaxRequestBodySize): a message over
            // the limit is refused at the edge as gRPC refuses an over-large message, RESOURCE_EXHAUSTED.
            StatusCode[]? wanted = rpc.Route?.MaxRequestBodySize is { } limit && bytes!.Length + 5 > limit ? [StatusCode.ResourceExhausted] : expected;
            output.WriteLine($"{rpc,-70} {status.StatusCode} in {milliseconds} ms: {status.Detail}");
            var problem = status.StatusCode switch
            {
                StatusCode.Unavailable or StatusCode.Unknown => "the answer blames the server",
                // A watch opened on what protobuf read as an empty request streams until the caller's deadline.
                StatusCode.DeadlineExceeded when rpc.Method.IsServerStreaming && wanted is null => null,
                StatusCode.DeadlineExceeded => "no answer within the deadline",
                _ when wanted is not null && !wanted.Contains(status.StatusCode) => $"expected {string.Join(" or ", wanted)}",
                _ when status.Detail.Length > MaxMessage => $"a message of {status.Detail.Length} characters",
                _ when status.Detail.Contains(new string('A', 60), StringComparison.Ordinal) => "the message quotes more than a few dozen characters of the input",
                _ => null,
            };
            if (problem is not null)
            {
                failures.Add($"{rpc} ({variant}): {status.StatusCode} \"{Cut(status.Detail)}\": {problem}");
            }
        }
        Assert.True(sent > 20, $"only {sent} RPCs took '{variant}'");

        foreach (var service in ProductStack.Services)
        {
            var (code, body) = await stack.HealthAsync(service);
            if (code != 200)
            {
                failures.Add($"{service} is not healthy after '{variant}': {code} {Cut(body)}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} problems:\n" + string.Join("\n", failures));
    }

    private static async Task<(Status Status, long Milliseconds)> TimedCallAsync(CallInvoker invoker, Rpc rpc, byte[] bytes, string token, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        var status = await RawCalls.CallAsync(invoker, rpc, bytes, token, deadline);
        return (status, clock.ElapsedMilliseconds);
    }

    private static string Cut(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
