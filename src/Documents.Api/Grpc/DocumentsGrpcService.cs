using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Documents.V1;

namespace Documents.Api.Grpc;

/// <summary>
/// reviewmechanism.documents.v1.DocumentsService. Its contract has no RPC yet: every call answers UNIMPLEMENTED
/// naming the method, and reflection lists the service.
/// </summary>
[Authorize]
public sealed class DocumentsGrpcService : DocumentsService.DocumentsServiceBase;
