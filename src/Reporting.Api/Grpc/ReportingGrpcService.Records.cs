using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Reporting.Api.Grpc;

public sealed partial class ReportingGrpcService
{
    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override Task<Briefing> RecordBriefing(RecordBriefingRequest request, ServerCallContext context) =>
        records.RecordBriefingAsync(request, context.GetCaller().Name, context.CancellationToken);

    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override Task<TechnicalAssistanceSurveyResponse> RecordTechnicalAssistanceSurveyResponse(RecordTechnicalAssistanceSurveyResponseRequest request, ServerCallContext context) =>
        records.RecordSurveyResponseAsync(request, context.GetCaller().Name, context.CancellationToken);
}
