using Microsoft.EntityFrameworkCore;
using ReviewMechanism.Reviews.V1;
using Reviews.Api.Grpc;

namespace Reviews.Api.Data.Demo;

/// <summary>
/// With <c>ReviewMechanism:DemoData=true</c> and no groups yet: the parties are split into three groups (the first
/// started two months ago, the others a year apart) and the country pairings of every group are drawn, through
/// the same RPC code the Secretariat uses, with fixed seeds (the draws are recorded and replayable like any other).
/// The focal points the Nominations service's demo data nominates then start most of the first group's reviews.
/// </summary>
public sealed partial class DemoDataHostedService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<DemoDataHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("ReviewMechanism:DemoData"))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<ReviewsDbContext>().Groups.AnyAsync(cancellationToken))
        {
            return;
        }
        var context = new SecretariatCallContext("demo-data", cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var asOf = Day(today.AddDays(-70));
        var split = await Service(scope).SplitIntoGroups(new SplitIntoGroupsRequest { AsOf = asOf, FirstGroupStart = Day(today.AddDays(-60)), Seed = 2026 }, context);
        var reviews = 0;
        foreach (var group in split.Groups)
        {
            var drawn = await Service(scope).DrawPairings(new DrawPairingsRequest { GroupNumber = group.Number, AsOf = asOf, Seed = (ulong)(2026 + group.Number) }, context);
            reviews += drawn.CountryReviewIds.Count;
        }
        LogLoaded(logger, split.Groups.Count, reviews);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static ReviewsGrpcService Service(AsyncServiceScope scope) => ActivatorUtilities.CreateInstance<ReviewsGrpcService>(scope.ServiceProvider);

    private static Date Day(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Groups} groups drawn, {Reviews} country reviews opened")]
    private static partial void LogLoaded(ILogger logger, int groups, int reviews);
}
