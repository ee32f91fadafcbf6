using MassTransit;

namespace ReviewMechanism.Messaging.Configuration;

/// <summary>
/// Queue names <c>&lt;service&gt;.&lt;consumer-in-kebab-case&gt;</c>, e.g. <c>reviews.person-nominated</c>:
/// per service, so two services each receive every event and a service's replicas share one queue.
/// </summary>
public sealed class ServiceEndpointNameFormatter(string serviceName) : KebabCaseEndpointNameFormatter(serviceName + ".", includeNamespace: false)
{
    public string ServiceName { get; } = serviceName;
}
