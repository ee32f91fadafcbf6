using System.Diagnostics;
using ReviewMechanism.AppHost.Tests.Infrastructure;
using Grpc.Core;
using ReviewMechanism.Nominations.V1;

namespace ReviewMechanism.AppHost.Tests;

/// <summary>What the stack's mail server and telemetry show of one nomination.</summary>
[Collection(MechanismCollection.Name)]
public sealed class MailAndTraceTests(MechanismStack stack)
{
    private static readonly TimeSpan Soon = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TheActivationMailIdentitySendsArrivesInTheLocalMailServerWithItsLink()
    {
        await stack.NominateExpertAsync("MEX", "mail", 1);
        var address = "expert.mail.1@example.org";

        IReadOnlyList<string> mails = [];
        Assert.True(await MechanismStack.EventuallyAsync(async () => (mails = await stack.Mail.ToAsync(address)).Count > 0, Soon), $"no mail to {address} in smtp4dev");
        var mail = Assert.Single(mails);
        Assert.Contains("Subject: Activate your account for the UNTOC Review Mechanism", mail);
        Assert.Contains("/Account/Activate?token=", mail);
        Assert.Contains("untoc.review@un.org", mail);
    }

    [Fact]
    public async Task ANominationThroughTheGatewayAndItsEventInIdentityAndReviewsShareOneTrace()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var secretariat = await stack.SecretariatAsync();
        var headers = new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } };
        foreach (var header in secretariat.Headers!)
        {
            headers.Add(header);
        }

        var request = new NominateRequest
        {
            Party = "CHL",
            Role = ReviewMechanism.Events.V1.NominationRole.GovernmentalExpert,
            Scope = new ReviewMechanism.Events.V1.NominationScope { Kind = ReviewMechanism.Events.V1.NominationScopeKind.AsReviewer },
            Person = new PersonDetails { FullName = "Traced Expert", Title = "Dr.", Gender = Gender.NotInformed, Email = "traced.expert@example.org", Affiliation = "Ministry of Justice" },
        };
        // After the events tests restarted identity, the gateway may still be fetching its signing keys: retry then.
        Assert.True(await MechanismStack.EventuallyAsync(async () =>
        {
            try
            {
                await stack.Nominations.NominateAsync(request, new CallOptions(headers));
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
                return false;
            }
        }, Soon), "nominations stayed unavailable through the gateway");

        string[] expected = ["gateway", "nominations", "identity", "reviews"];
        IReadOnlySet<string> seen = new HashSet<string>();
        Assert.True(
            await MechanismStack.EventuallyAsync(() => Task.FromResult(expected.All((seen = stack.Telemetry.ServicesWithSpansOf(traceId)).Contains)), Soon),
            $"trace {traceId} seen in [{string.Join(", ", seen)}], expected [{string.Join(", ", expected)}]");
    }
}
