namespace ReviewMechanism.ServiceDefaults.Grpc;

/// <summary>How a service calls another (<see cref="Microsoft.Extensions.Hosting.GrpcClientExtensions.AddServiceGrpcClient{TClient}"/>).</summary>
public sealed class ServiceGrpcClientOptions
{
    /// <summary>The named endpoint of the other service (the AppHost's <c>grpc</c> endpoint: <c>services__{name}__grpc__0</c>).</summary>
    public string Endpoint { get; set; } = "grpc";

    /// <summary>The deadline of a call that sets none (default 10 s). Every call has a deadline.</summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts of an idempotent RPC (<c>option idempotency_level = NO_SIDE_EFFECTS</c> or <c>IDEMPOTENT</c> in the
    /// proto) that fails UNAVAILABLE, the first included (default 3). Other RPCs are never retried.
    /// </summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Send the access token of the request being served, so the other service sees the same caller (default true).</summary>
    public bool ForwardAccessToken { get; set; } = true;
}
