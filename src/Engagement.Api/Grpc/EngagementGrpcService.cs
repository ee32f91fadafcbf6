using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Engagement.V1;

namespace Engagement.Api.Grpc;

/// <summary>
/// reviewmechanism.engagement.v1.EngagementService. Its contract has no RPC yet: every call answers UNIMPLEMENTED
/// naming the method, and reflection lists the service.
/// </summary>
[Authorize]
public sealed class EngagementGrpcService : EngagementService.EngagementServiceBase;
