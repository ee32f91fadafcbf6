using ReviewMechanism.Grpc;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Bench.GrpcUnary;

/// <summary>Stands for a service's own interceptor: reads the caller's metadata, as a tenant or correlation hook would.</summary>
public sealed class ServiceInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        _ = context.RequestHeaders.GetValue("x-correlation-id");
        return continuation(request, context);
    }
}
