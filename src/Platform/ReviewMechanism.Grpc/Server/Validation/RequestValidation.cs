using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Grpc.Interceptors;

namespace ReviewMechanism.Grpc.Server.Validation;

/// <summary>Puts the registered validators of a request type in front of a handler (decided once at startup).</summary>
internal static class RequestValidation
{
    public static bool HasValidators<TRequest>(IServiceProvider rootServices)
        where TRequest : class
        => rootServices.GetService<IServiceProviderIsService>()?.IsService(typeof(IValidator<TRequest>)) ?? false;

    public static UnaryServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(UnaryServerMethod<TRequest, TResponse> next)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => (request, context) =>
        {
            var failure = Check(request, context);
            return failure is null ? next(request, context) : Task.FromException<TResponse>(failure);
        };

    public static ServerStreamingServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(ServerStreamingServerMethod<TRequest, TResponse> next)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => (request, stream, context) =>
        {
            var failure = Check(request, context);
            return failure is null ? next(request, stream, context) : Task.FromException(failure);
        };

    public static ClientStreamingServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(ClientStreamingServerMethod<TRequest, TResponse> next)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => (requests, context) => next(new ValidatingStreamReader<TRequest>(requests, context), context);

    public static DuplexStreamingServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(DuplexStreamingServerMethod<TRequest, TResponse> next)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => (requests, stream, context) => next(new ValidatingStreamReader<TRequest>(requests, context), stream, context);

    /// <summary>Runs every validator; returns the INVALID_ARGUMENT exception, or null when the request is valid.</summary>
    internal static RpcException? Check<TRequest>(TRequest request, ServerCallContext context)
        where TRequest : class
    {
        List<(string Field, string Description)>? violations = null;
        foreach (var validator in context.GetHttpContext().RequestServices.GetServices<IValidator<TRequest>>())
        {
            foreach (var violation in validator.Validate(request))
            {
                (violations ??= new()).Add((violation.Field, violation.Description));
            }
        }
        if (violations is null)
        {
            return null;
        }
        var summary = string.Join("; ", violations.Select(v => v.Field + ": " + v.Description));
        return RpcErrors.InvalidArgument("The request is not valid: " + summary, violations.ToArray());
    }

    private sealed class ValidatingStreamReader<T> : IAsyncStreamReader<T>
        where T : class
    {
        private readonly IAsyncStreamReader<T> _inner;
        private readonly ServerCallContext _context;

        public ValidatingStreamReader(IAsyncStreamReader<T> inner, ServerCallContext context)
        {
            _inner = inner;
            _context = context;
        }

        public T Current => _inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await _inner.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            var failure = Check(_inner.Current, _context);
            if (failure is not null)
            {
                throw failure;
            }
            return true;
        }
    }
}
