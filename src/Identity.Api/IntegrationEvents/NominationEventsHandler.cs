using Identity.Api.Application.Accounts;
using ReviewMechanism.Events.V1;

namespace Identity.Api.IntegrationEvents;

/// <summary>
/// The entry point for nomination events. The messaging library's consumer (through the idempotent
/// inbox) will call these methods; each is also idempotent on the nomination id by itself.
/// </summary>
public sealed class NominationEventsHandler(AccountLifecycle accounts)
{
    public Task<NominationOutcome> HandleAsync(PersonNominated message, CancellationToken ct) =>
        accounts.HandlePersonNominatedAsync(message, ct);

    public Task HandleAsync(NominationWithdrawn message, CancellationToken ct) =>
        accounts.HandleNominationWithdrawnAsync(message, ct);
}
