using System.Security.Claims;
using Grpc.Core;
using ReviewMechanism.ServiceDefaults.Authorization;

namespace Reviews.Api.Data.Demo;

/// <summary>
/// An in-process call made by the service itself as the Secretariat (loading the demo data through the API's rules).
/// The user travels as Grpc.AspNetCore's <c>GetHttpContext()</c> finds it for a context it did not create.
/// </summary>
internal sealed class SecretariatCallContext : ServerCallContext
{
    private readonly CancellationToken _cancellationToken;

    public SecretariatCallContext(string subject, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(MechanismClaims.Subject, subject), new Claim(MechanismClaims.Role, MechanismRoles.Secretariat)], "system", MechanismClaims.Subject, MechanismClaims.Role));
        UserState["__HttpContext"] = new DefaultHttpContext { User = user };
    }

    protected override string MethodCore => "/reviewmechanism.reviews.v1.ReviewsService/DemoData";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "local";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
