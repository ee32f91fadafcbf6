using Interop.Tests.Infrastructure;

namespace Interop.Tests;

/// <summary>The authorization matrix's rows: one per RPC of every served service, read from the contracts and the services.</summary>
public sealed class MatrixRowsTests
{
    private static IEnumerable<Rpc> MatrixRows => RpcCatalog.All.Where(r => r.Declaration is not null);

    [Fact]
    public void EveryRpcOfEveryServedServiceHasARowAndARoute()
    {
        var withoutRow = RpcCatalog.All.Where(r => r.Declaration is null).ToList();
        var unrouted = MatrixRows.Where(r => r.Route is null).ToList();

        Assert.True(withoutRow.Count == 0, "RPCs without declared callers (no override with [Authorize]/[AllowAnonymous]), so no row: "
            + string.Join(", ", withoutRow));
        Assert.True(unrouted.Count == 0, "RPCs no gateway route reaches: " + string.Join(", ", unrouted));
        Assert.True(MatrixRows.Count() >= 30, $"only {MatrixRows.Count()} rows");
    }
}
