using Microsoft.Extensions.DependencyInjection;

namespace ReviewMechanism.Grpc.Client;

/// <summary>Returned by <c>AddGrpcClient</c>: adds interceptors and credentials to the registered client.</summary>
public interface IGrpcClientBuilder
{
    /// <summary>The client's options name (its type's full name).</summary>
    string Name { get; }

    IServiceCollection Services { get; }
}

internal sealed record GrpcClientBuilder(string Name, IServiceCollection Services) : IGrpcClientBuilder;
