using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ReviewMechanism.ServiceDefaults.Errors;
using ReviewMechanism.ServiceDefaults.Grpc;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>The google.rpc.Status of a refusal sent before any RPC code ran, and how its message travels.</summary>
public sealed class RefusalStatusTests
{
    [Fact]
    public void ARefusalKeepsItsMessageWholeAndPutsItsErrorInfoAfterTheOtherDetails()
    {
        var message = $"The caller is not allowed to call /{new string('m', 80)} (requires one of the roles Secretariat).";

        var status = GrpcErrors.Refusal(StatusCode.ResourceExhausted, message, RefusalReasons.RateLimited,
            [("subject", "client:partner"), ("empty", ""), ("missing", null)], new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(3)) });

        Assert.Equal(((int)StatusCode.ResourceExhausted, message), (status.Code, status.Message));
        Assert.Equal([RetryInfo.Descriptor.FullName, ErrorInfo.Descriptor.FullName], status.Details.Select(d => Any.GetTypeName(d.TypeUrl)));
        var info = status.Details[1].Unpack<ErrorInfo>();
        Assert.Equal((GrpcErrors.ErrorDomain, "RATE_LIMITED"), (info.Domain, info.Reason));
        Assert.Equal(["subject"], info.Metadata.Keys);
    }

    [Fact]
    public void AMetadataValueKeepsLongWordsButIsCutToTheLongestMessage()
    {
        var method = "/reviewmechanism.engagement.v1.EngagementService/WithdrawApplication";
        var endless = new string('x', 5000);

        var info = GrpcErrors.Info("CALLER_NOT_ALLOWED", ("method", method), ("requires", endless));

        Assert.Equal(method, info.Metadata["method"]);
        Assert.Equal(ErrorText.LongestMessage, info.Metadata["requires"].Length);
        Assert.EndsWith("xxx...", info.Metadata["requires"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessageHeaderPercentEncodesOnlyPercentAndBytesOutsidePrintableAscii()
    {
        Assert.Equal("Caf%C3%A9 100%25 done: (a/b) 'x'", TrailersOnlyStatus.EncodeMessage("Café 100% done: (a/b) 'x'"));
        Assert.Equal("line%0Anext", TrailersOnlyStatus.EncodeMessage("line\nnext"));
    }
}
