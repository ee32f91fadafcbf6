using Google.Protobuf;
using Grpc.Core;
using Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Interop.Tests;

/// <summary>
/// Who may call what, through the gateway, for every RPC of every service in the contracts (<see cref="RpcCatalog"/>):
/// rows come from the generated descriptors and each RPC's declared callers, so a new RPC is covered without
/// editing this file, and an RPC without a declaration fails the first test. Refused means UNAUTHENTICATED or
/// PERMISSION_DENIED; let through means any other status (the plausible request may still be invalid or not found).
/// </summary>
[Collection(ProductStackCollection.Name)]
public sealed class AuthorizationMatrixTests(ProductStack stack, ITestOutputHelper output)
{
    private const string OwnParty = "AUT";
    private const string OtherParty = "FRA";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>A watch let through sends nothing until there is something to send: it ends at this deadline.</summary>
    private static readonly TimeSpan WatchPatience = TimeSpan.FromSeconds(10);
    private static readonly string[] AllRoles = ["Secretariat", "FocalPoint", "GovernmentalExpert", "Observer", "NgoRepresentative", "Partner"];
    private static readonly string[] PartyRoles = ["FocalPoint", "GovernmentalExpert", "Observer"];

    private static IEnumerable<Rpc> Rows => RpcCatalog.All.Where(r => r.Declaration is not null);

    [Fact]
    public async Task EveryRpcRefusesACallWithoutATokenUnlessItIsAnonymousAtTheGatewayAndTheService()
    {
        await CheckAsync("no token", Rows, rpc =>
        {
            var open = rpc.Route!.Anonymous && rpc.Declaration!.Anonymous;
            return [(null, Request(rpc, OwnParty), open ? Expect.LetThrough : Expect.Code(StatusCode.Unauthenticated))];
        });
    }

    [Fact]
    public async Task EveryRpcBehindAScopeRefusesATokenWithoutIt()
    {
        await CheckAsync("token without the route's scope", Rows.Where(r => r.Route!.Scopes.Count > 0), rpc =>
        {
            var role = DeclaredRoles(rpc).First();
            var otherScopes = string.Join(' ', new[] { "reviews", "nominations", "documents", "engagement", "reporting", "identity" }.Except(rpc.Route!.Scopes));
            return [(Token(role, otherScopes, OwnParty), Request(rpc, OwnParty), Expect.Code(StatusCode.PermissionDenied))];
        });
    }

    [Fact]
    public async Task EveryRpcRefusesEachRoleItDoesNotDeclare()
    {
        await CheckAsync("role not declared", Rows.Where(r => r.Declaration!.Roles.Count > 0), rpc =>
            AllRoles.Except(rpc.Declaration!.Roles).Select(role =>
                ((string?)Token(role, Scopes(rpc), OwnParty), Request(rpc, OwnParty), Expect.Code(StatusCode.PermissionDenied))));
    }

    [Fact]
    public async Task EveryPartyScopedWriteRefusesAFocalPointOfAnotherParty()
    {
        var writes = Rows.Where(r => r.IsPartyScopedWrite).ToList();
        Assert.NotEmpty(writes);
        await CheckAsync("focal point of another party", writes, rpc =>
            [(Token("FocalPoint", Scopes(rpc), OwnParty), Request(rpc, OtherParty), Expect.Code(StatusCode.PermissionDenied))]);
    }

    [Fact]
    public async Task EveryRpcLetsEachOfItsDeclaredCallersThrough()
    {
        var rows = Rows.ToList();
        await CheckAsync("declared caller", rows.Where(r => r.Declaration!.Scheme is null), rpc =>
            DeclaredRoles(rpc).Select(role => (rpc.Declaration!.Anonymous && rpc.Route!.Anonymous ? null : (string?)Token(role, Scopes(rpc), OwnParty),
                Request(rpc, OwnParty), Expect.LetThrough)));

        // An API that accepts only its own service's tokens (identity's accounts API): the declared caller holds one
        // from identity and calls the service's own endpoint (the gateway trusts the test issuer in this stack).
        var own = rows.Where(r => r.Declaration!.Scheme is not null).ToList();
        if (own.Count > 0)
        {
            var token = await stack.IdentitySecretariatTokenAsync();
            var failures = new List<string>();
            foreach (var rpc in own)
            {
                var service = rpc.Service.File.Package.Split('.')[1];
                using var channel = stack.Direct(service);
                var status = await RawCalls.CallAsync(channel.CreateCallInvoker(), rpc, Request(rpc, OwnParty), token, Patience);
                output.WriteLine($"{rpc,-70} identity's Secretariat token, direct  {status.StatusCode}");
                if (Expect.LetThrough.Fails(status) is { } problem)
                {
                    failures.Add($"{rpc}: {problem}");
                }
            }
            Assert.True(failures.Count == 0, string.Join("\n", failures));
        }
    }

    /// <summary>
    /// Unary calls one after another, in the table's order; the watches (server streaming, read-only) that are let
    /// through send nothing and end at their deadline, so they run beside the unary calls instead of one by one.
    /// </summary>
    private async Task CheckAsync(string row, IEnumerable<Rpc> rpcs, Func<Rpc, IEnumerable<(string? Token, byte[] Request, Expect Expect)>> cases)
    {
        var invoker = stack.Gateway.CreateCallInvoker();
        var all = rpcs.SelectMany(rpc => cases(rpc).Select(c => (Rpc: rpc, c.Token, c.Request, c.Expect))).ToList();
        var calls = new Task<Status>[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var (rpc, token, request, _) = all[i];
            var call = RawCalls.CallAsync(invoker, rpc, request, token, rpc.Method.IsServerStreaming ? WatchPatience : Patience);
            calls[i] = rpc.Method.IsServerStreaming ? call : Task.FromResult(await call);
        }
        await Task.WhenAll(calls);
        var failures = new List<string>();
        for (var i = 0; i < all.Count; i++)
        {
            var status = calls[i].Result;
            output.WriteLine($"{all[i].Rpc,-70} {row,-32} {status.StatusCode}: {Short(status.Detail)}");
            if (all[i].Expect.Fails(status) is { } problem)
            {
                failures.Add($"{all[i].Rpc} ({row}): {problem}");
            }
        }
        Assert.True(all.Count > 0, $"no case for '{row}'");
        Assert.True(failures.Count == 0, $"{failures.Count} of {all.Count} cases failed:\n" + string.Join("\n", failures));
    }

    /// <summary>The roles that may call the RPC; for <c>[Authorize]</c> alone or an anonymous RPC, any role.</summary>
    private static IReadOnlyList<string> DeclaredRoles(Rpc rpc)
    {
        var declared = rpc.Declaration!.Roles.Count > 0 ? rpc.Declaration.Roles : AllRoles;
        // The gateway's route may ask for a role itself (identity-accounts: Secretariat).
        var routeRoles = rpc.Route!.Roles;
        return routeRoles.Count == 0 ? declared : declared.Intersect(routeRoles).ToList();
    }

    private static string Scopes(Rpc rpc) => rpc.Route!.Scopes.Count > 0 ? string.Join(' ', rpc.Route.Scopes) : "reviews";

    /// <summary>A token for <paramref name="role"/>; a party's roles act for <paramref name="party"/>.</summary>
    private string Token(string role, string scopes, string party) =>
        stack.Token($"matrix-{role.ToLowerInvariant()}", [role], scopes, PartyRoles.Contains(role) ? party : null);

    private static byte[] Request(Rpc rpc, string party) => Requests.Plausible(rpc.Method.InputType, party).ToByteArray();

    private static string Short(string detail) => detail.Length <= 100 ? detail : detail[..100] + "...";

    private sealed record Expect(StatusCode? Wanted)
    {
        public static readonly Expect LetThrough = new((StatusCode?)null);

        public static Expect Code(StatusCode code) => new(code);

        public string? Fails(Status status) => Wanted switch
        {
            null when status.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
                $"refused {status.StatusCode} \"{status.Detail}\", the caller is declared",
            null => null,
            { } wanted when status.StatusCode != wanted => $"{status.StatusCode} \"{status.Detail}\", expected {wanted}",
            _ => null,
        };
    }
}
