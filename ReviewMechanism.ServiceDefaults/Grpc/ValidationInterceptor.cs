using System.Collections.Concurrent;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Errors;

namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>
/// Runs the registered <see cref="IValidator{TRequest}"/>s of a request type before the handler (each message of
/// a request stream as it is read). Violations become a <see cref="DomainException"/> that the
/// <see cref="ErrorInterceptor"/> sends as INVALID_ARGUMENT with a google.rpc.BadRequest.
/// </summary>
public sealed class ValidationInterceptor(IServiceProvider rootServices, IOptions<GrpcCallOptions> options) : Interceptor
{
    private readonly ConcurrentDictionary<Type, bool> _validated = new();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (IsValidated<TRequest>())
        {
            Check(request, context);
        }
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (IsValidated<TRequest>())
        {
            Check(request, context);
        }
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(IsValidated<TRequest>() ? new ValidatingReader<TRequest>(requestStream, context) : requestStream, context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(IsValidated<TRequest>() ? new ValidatingReader<TRequest>(requestStream, context) : requestStream, responseStream, context);

    internal bool IsValidated<TRequest>()
        where TRequest : class =>
        options.Value.EnableValidation && _validated.GetOrAdd(typeof(TRequest), static (_, services) =>
            services.GetService<IServiceProviderIsService>()?.IsService(typeof(IValidator<TRequest>)) ?? true, rootServices);

    /// <summary>Throws INVALID_ARGUMENT (as a <see cref="DomainException"/>) listing every violation of every validator.</summary>
    internal static void Check<TRequest>(TRequest request, ServerCallContext context)
        where TRequest : class
    {
        List<FieldViolation>? violations = null;
        foreach (var validator in context.GetHttpContext().RequestServices.GetServices<IValidator<TRequest>>())
        {
            foreach (var violation in validator.Validate(request))
            {
                (violations ??= []).Add(violation);
            }
        }
        if (violations is not null)
        {
            var summary = string.Join("; ", violations.Select(v => v.Field + ": " + v.Description));
            throw DomainException.Invalid("The request is not valid: " + summary, violations);
        }
    }

    private sealed class ValidatingReader<T>(IAsyncStreamReader<T> inner, ServerCallContext context) : IAsyncStreamReader<T>
        where T : class
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            Check(inner.Current, context);
            return true;
        }
    }
}
