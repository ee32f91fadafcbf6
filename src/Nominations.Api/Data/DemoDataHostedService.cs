using Microsoft.EntityFrameworkCore;
using Nominations.Api.Domain;
using Nominations.Api.Domain.Validation;
using Nominations.Api.Application.Workflow;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Nominations.Api.Data;

/// <summary>
/// With <c>ReviewMechanism:DemoData=true</c>, an empty roster gets a realistic start through the domain workflow
/// (so the events flow as in real use): two thirds of the parties have a focal point for their own review and as
/// reviewers, and a governmental expert; the rest have none yet, as in 2023 when most reviews waited for one.
/// </summary>
public sealed partial class DemoDataHostedService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoDataHostedService> logger) : IHostedService
{
    private static readonly Caller Secretariat = new("demo-data", "", new HashSet<string> { MechanismRoles.Secretariat }, new HashSet<string>());

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("ReviewMechanism:DemoData"))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NominationsDbContext>();
        if (await db.Nominations.AnyAsync(cancellationToken))
        {
            return;
        }
        var workflow = scope.ServiceProvider.GetRequiredService<NominationWorkflow>();
        var parties = await db.Parties.AsNoTracking().OrderBy(p => p.Iso3).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var (party, index) in parties.Select((p, i) => (p, i)).Where(x => x.i % 3 != 2))
        {
            var gender = index % 2 == 0 ? Gender.Female : Gender.Male;
            await workflow.NominateAsync(Secretariat, new NominateCommand(party.Iso3, NominationRole.FocalPoint, ScopeKind.OwnReview, null,
                Person($"Focal point of {party.Name}", party.Iso3, "focal.point", gender)), cancellationToken);
            await workflow.NominateAsync(Secretariat, new NominateCommand(party.Iso3, NominationRole.FocalPoint, ScopeKind.AsReviewer, null,
                Person($"Reviewing focal point of {party.Name}", party.Iso3, "reviewer.focal.point", gender)), cancellationToken);
            await workflow.NominateAsync(Secretariat, new NominateCommand(party.Iso3, NominationRole.GovernmentalExpert, ScopeKind.AsReviewer, null,
                Person($"Expert of {party.Name}", party.Iso3, "expert", Gender.NotInformed)), cancellationToken);
            count += 3;
        }
        LogLoaded(logger, count, parties.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static PersonInput Person(string name, string iso3, string mailbox, Gender gender) =>
        new(name, "Director of International Cooperation", gender, $"{mailbox}.{iso3.ToLowerInvariant()}@example.org", null, "Ministry of Justice");

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data: {Count} nominations for {Parties} parties")]
    private static partial void LogLoaded(ILogger logger, int count, int parties);
}
