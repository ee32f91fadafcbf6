using Microsoft.EntityFrameworkCore;
using ReviewMechanism.ServiceDefaults.Authorization;
using Reviews.Api.Application.Drawing;

namespace Reviews.Api.Data.Demo;

/// <summary>
/// With <c>ReviewMechanism:DemoData=true</c> and no groups yet: the parties are split into three groups (the first
/// started two months ago, the others a year apart) and the country pairings of every group are drawn, through the
/// same use cases the Secretariat's calls run (<see cref="DrawingWorkflow"/>, as the Secretariat "demo-data"), with
/// fixed seeds (the draws are recorded and replayable like any other). The focal points the Nominations service's
/// demo data nominates then start most of the first group's reviews.
/// </summary>
public sealed partial class DemoDataHostedService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<DemoDataHostedService> logger) : IHostedService
{
    private static readonly Caller Secretariat = new(
        "demo-data", "", new HashSet<string>(StringComparer.Ordinal) { MechanismRoles.Secretariat }, new HashSet<string>(StringComparer.Ordinal));

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("ReviewMechanism:DemoData"))
        {
            return;
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<ReviewsDbContext>().Groups.AnyAsync(cancellationToken))
            {
                return;
            }
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var asOf = today.AddDays(-70);
        var split = await RunAsync(draws => draws.SplitIntoGroupsAsync(Secretariat, new SplitIntoGroupsCommand([], asOf, today.AddDays(-60), [], 2026), cancellationToken));
        var reviews = 0;
        foreach (var group in split.Groups)
        {
            var drawn = await RunAsync(draws => draws.DrawPairingsAsync(Secretariat, new DrawPairingsCommand(group.Number, asOf, (ulong)(2026 + group.Number)), cancellationToken));
            reviews += drawn.CountryReviewIds.Count;
        }
        LogLoaded(logger, split.Groups.Count, reviews);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One use case in its own scope (its own database context), as one call of the API runs.</summary>
    private async Task<T> RunAsync<T>(Func<DrawingWorkflow, Task<T>> useCase)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await useCase(scope.ServiceProvider.GetRequiredService<DrawingWorkflow>());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Groups} groups drawn, {Reviews} country reviews opened")]
    private static partial void LogLoaded(ILogger logger, int groups, int reviews);
}
