using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Reporting.V1;

namespace Reporting.Api.Grpc;

/// <summary>
/// reviewmechanism.reporting.v1.ReportingService. Its contract has no RPC yet: every call answers UNIMPLEMENTED
/// (reflection lists a service once it has RPCs). Each RPC added declares its callers on the method.
/// </summary>
[Authorize]
public sealed class ReportingGrpcService : ReportingService.ReportingServiceBase;
