using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using ReviewMechanism.Engagement.V1;

namespace Engagement.Tests.Support;

public sealed partial class EngagementWebApp
{
    /// <summary>A client of the gRPC API calling as the given roles (test headers instead of a token; no roles = anonymous).</summary>
    public EngagementService.EngagementServiceClient GrpcClient(string subject = "", string roles = "", string clientId = "")
    {
        var channel = GrpcChannel.ForAddress(GrpcAddress);
        var invoker = channel.Intercept(metadata =>
        {
            if (subject.Length > 0)
            {
                metadata.Add("x-test-sub", subject);
                metadata.Add("x-test-roles", roles);
                metadata.Add("x-test-client", clientId);
            }
            return metadata;
        });
        return new EngagementService.EngagementServiceClient(invoker);
    }
}
