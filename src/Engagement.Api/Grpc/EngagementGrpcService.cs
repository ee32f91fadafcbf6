using Engagement.Api.Application;
using Grpc.Core;
using ReviewMechanism.Engagement.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Engagement.Api.Grpc;

/// <summary>
/// The Engagement service's gRPC API (engagement.proto) for the secretariat and partner systems. Each RPC declares
/// its callers; handlers turn the request into a use-case call (Application/) and the result into the reply. Refusals
/// are DomainExceptions, mapped to statuses by the service defaults' interceptor. Split by area over several files.
/// </summary>
public sealed partial class EngagementGrpcService(
    IServiceProvider services,
    ArrivalQueue arrivals,
    ApplicationFeed feed,
    TimeProvider time) : EngagementService.EngagementServiceBase
{
    // The use cases are resolved from the call's scope when a handler needs them (each builds the scope's DbContext,
    // whose options EF Core configures anew for every scope): SubmitApplication's verified arrivals need none.
    private DialogueUseCases Dialogues => services.GetRequiredService<DialogueUseCases>();

    private ApplicationUseCases Applications => services.GetRequiredService<ApplicationUseCases>();

    private DecisionUseCases Decisions => services.GetRequiredService<DecisionUseCases>();

    private ApplicationQueries Queries => services.GetRequiredService<ApplicationQueries>();

    private TrainingUseCases Trainings => services.GetRequiredService<TrainingUseCases>();

    /// <summary>Partner systems or the secretariat (the handler limits a partner to what it submitted).</summary>
    public const string SecretariatOrPartner = MechanismRoles.Secretariat + "," + MechanismRoles.Partner;

    /// <summary>The use cases' view of the caller: the secretariat, or the partner system by its client id.</summary>
    private static Actor ActorOf(ServerCallContext context)
    {
        var caller = context.GetCaller();
        return caller.IsSecretariat
            ? Actor.Secretariat(caller.Name)
            : Actor.Partner(caller.ClientId.Length > 0 ? caller.ClientId : caller.Name);
    }
}
