using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Reporting.Api.Application.Compilation;
using Reporting.Api.Domain.Compilation;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Reporting.Api.Grpc;

public sealed partial class ReportingGrpcService
{
    [Authorize(Roles = MechanismRoles.Secretariat)]
    public override async Task<AddRecommendationResponse> AddRecommendation(AddRecommendationRequest request, ServerCallContext context)
    {
        var entry = new RecommendationEntry(Recommendations.FromProto(request.Kind), request.Body, request.Year, request.DocumentSymbol, request.Number, request.Text, [.. request.Topics]);
        var (recommendation, revision) = await recommendations.AddAsync(entry, context.GetCaller().Name, context.CancellationToken);
        return new AddRecommendationResponse { Recommendation = recommendation, Revision = revision };
    }

    [AllowAnonymous]
    public override Task<ListRecommendationsResponse> ListRecommendations(ListRecommendationsRequest request, ServerCallContext context) =>
        recommendations.ListAsync(request, context.CancellationToken);

    [AllowAnonymous]
    public override Task<SearchRecommendationsResponse> SearchRecommendations(SearchRecommendationsRequest request, ServerCallContext context) =>
        recommendations.SearchAsync(request, context.CancellationToken);

    [AllowAnonymous]
    public override Task<Compilation> GetCompilation(GetCompilationRequest request, ServerCallContext context) =>
        recommendations.GetCompilationAsync(context.CancellationToken);
}
