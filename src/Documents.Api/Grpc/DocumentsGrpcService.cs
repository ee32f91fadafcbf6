using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Documents.V1;

namespace Documents.Api.Grpc;

/// <summary>
/// reviewmechanism.documents.v1.DocumentsService. Its contract has no RPC yet: every call answers UNIMPLEMENTED
/// (reflection lists a service once it has RPCs). Each RPC added declares its callers on the method.
/// </summary>
[Authorize]
public sealed class DocumentsGrpcService : DocumentsService.DocumentsServiceBase;
