using System.Security.Claims;
using ReviewMechanism.Grpc;

namespace Reviews.Api.Data.Demo;

/// <summary>An in-process call made by the service itself as the Secretariat (loading the demo data through the API's rules).</summary>
internal sealed class SecretariatCallContext(string subject, CancellationToken cancellationToken) : ServerCallContext
{
    private readonly ClaimsPrincipal _user = new(new ClaimsIdentity([new Claim("sub", subject), new Claim("role", "Secretariat")], "system", "sub", "role"));

    public override string Method => "/reviewmechanism.reviews.v1.ReviewsService/DemoData";

    public override string Host => "localhost";

    public override string Peer => "local";

    public override DateTime Deadline => DateTime.MaxValue;

    public override Metadata RequestHeaders { get; } = [];

    public override CancellationToken CancellationToken => cancellationToken;

    public override Metadata ResponseTrailers { get; } = [];

    public override Status Status { get; set; }

    public override ClaimsPrincipal User => _user;

    public override string? ResponseCompression { get; set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;

    public override HttpContext GetHttpContext() => new DefaultHttpContext { User = _user };
}
