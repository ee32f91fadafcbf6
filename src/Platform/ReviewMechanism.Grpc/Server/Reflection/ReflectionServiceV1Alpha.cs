using Grpc.Reflection.V1Alpha;
using Microsoft.AspNetCore.Authorization;
using ReviewMechanism.Grpc.Server.Internal;

namespace ReviewMechanism.Grpc.Server.Reflection;

/// <summary>grpc.reflection.v1alpha.ServerReflection (the version most tools still use).</summary>
[AllowAnonymous]
internal sealed class ReflectionServiceV1Alpha : ServerReflection.ServerReflectionBase
{
    private readonly GrpcServiceRegistry _registry;

    public ReflectionServiceV1Alpha(GrpcServiceRegistry registry)
    {
        _registry = registry;
    }

    public override async Task ServerReflectionInfo(IAsyncStreamReader<ServerReflectionRequest> requestStream, IServerStreamWriter<ServerReflectionResponse> responseStream, ServerCallContext context)
    {
        var resolver = new ReflectionResolver(_registry);
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var request = requestStream.Current;
            var (query, argument, number) = request.MessageRequestCase switch
            {
                ServerReflectionRequest.MessageRequestOneofCase.FileByFilename => (ReflectionQuery.FileByFilename, request.FileByFilename, 0),
                ServerReflectionRequest.MessageRequestOneofCase.FileContainingSymbol => (ReflectionQuery.FileContainingSymbol, request.FileContainingSymbol, 0),
                ServerReflectionRequest.MessageRequestOneofCase.FileContainingExtension => (ReflectionQuery.FileContainingExtension, request.FileContainingExtension.ContainingType, request.FileContainingExtension.ExtensionNumber),
                ServerReflectionRequest.MessageRequestOneofCase.AllExtensionNumbersOfType => (ReflectionQuery.AllExtensionNumbersOfType, request.AllExtensionNumbersOfType, 0),
                ServerReflectionRequest.MessageRequestOneofCase.ListServices => (ReflectionQuery.ListServices, request.ListServices, 0),
                _ => (ReflectionQuery.Unknown, "", 0),
            };
            var answer = resolver.Answer(query, argument, number);
            var response = new ServerReflectionResponse { ValidHost = request.Host, OriginalRequest = request };
            if (answer.ErrorCode != StatusCode.OK)
            {
                response.ErrorResponse = new ErrorResponse { ErrorCode = (int)answer.ErrorCode, ErrorMessage = answer.ErrorMessage };
            }
            else if (answer.Files is not null)
            {
                response.FileDescriptorResponse = new FileDescriptorResponse { FileDescriptorProto = { answer.Files } };
            }
            else if (answer.Services is not null)
            {
                response.ListServicesResponse = new ListServiceResponse { Service = { answer.Services.Select(s => new ServiceResponse { Name = s }) } };
            }
            else
            {
                response.AllExtensionNumbersResponse = new ExtensionNumberResponse { BaseTypeName = answer.ExtensionBaseType, ExtensionNumber = { answer.ExtensionNumbers! } };
            }
            await responseStream.WriteAsync(response);
        }
    }
}
