using System.Net.Http.Headers;
using Google.Rpc;
using Grpc.Core;
using ReviewMechanism.ServiceDefaults.Grpc;

namespace ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

/// <summary>Reads the rich details of a refusal: from a client's RpcException, or from the raw response headers.</summary>
public static class RefusalDetails
{
    /// <summary>The one ErrorInfo of the refusal, asserted to be of the mechanism's domain with <paramref name="reason"/>.</summary>
    public static ErrorInfo AssertErrorInfo(RpcException error, string reason)
    {
        var status = error.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException($"no grpc-status-details-bin in {error.Status}");
        Assert.Equal(((int)error.StatusCode, error.Status.Detail), (status.Code, status.Message));
        var info = Assert.Single(status.Details, d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal((GrpcErrors.ErrorDomain, reason), (info.Domain, info.Reason));
        return info;
    }

    /// <summary>The google.rpc.Status in a trailers-only response's grpc-status-details-bin (unpadded base64).</summary>
    public static Google.Rpc.Status FromHeaders(HttpResponseHeaders headers)
    {
        var value = Assert.Single(headers.GetValues(TrailersOnlyStatus.DetailsHeader));
        return Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(value.PadRight(value.Length + ((4 - (value.Length % 4)) % 4), '=')));
    }
}
