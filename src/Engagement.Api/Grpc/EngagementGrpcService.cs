using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Engagement.V1;

namespace Engagement.Api.Grpc;

/// <summary>
/// reviewmechanism.engagement.v1.EngagementService. Its contract has no RPC yet: every call answers UNIMPLEMENTED
/// (reflection lists a service once it has RPCs). Each RPC added declares its callers on the method.
/// </summary>
[Authorize]
public sealed class EngagementGrpcService : EngagementService.EngagementServiceBase;
