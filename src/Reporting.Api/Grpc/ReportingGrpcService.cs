using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reporting.V1;

namespace Reporting.Api.Grpc;

/// <summary>
/// reviewmechanism.reporting.v1.ReportingService. Its contract has no RPC yet: every call answers UNIMPLEMENTED
/// naming the method, and reflection lists the service.
/// </summary>
[Authorize]
public sealed class ReportingGrpcService : ReportingService.ReportingServiceBase;
