using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Reporting.Api.Grpc;

public sealed partial class ReportingGrpcService
{
    /// <summary>The sources are called with the caller's own token (forwarded by the service clients).</summary>
    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override Task<RebuildReadModelsResponse> RebuildReadModels(RebuildReadModelsRequest request, ServerCallContext context) =>
        rebuild.RunAsync(context.GetCaller().Name, context.CancellationToken);

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override Task<ReadModelStatus> GetReadModelStatus(GetReadModelStatusRequest request, ServerCallContext context) =>
        rebuild.StatusAsync(context.CancellationToken);
}
