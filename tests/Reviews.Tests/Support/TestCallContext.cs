using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ReviewMechanism.Grpc;

namespace Reviews.Tests.Support;

/// <summary>A call context for invoking the service class directly, with the claims of an access token.</summary>
public sealed class TestCallContext(ClaimsPrincipal user, CancellationToken cancellationToken = default) : ServerCallContext
{
    public override string Method => "/reviewmechanism.reviews.v1.ReviewsService/Test";

    public override string Host => "localhost";

    public override string Peer => "ipv4:127.0.0.1:1";

    public override DateTime Deadline => DateTime.MaxValue;

    public override Metadata RequestHeaders { get; } = [];

    public override CancellationToken CancellationToken => cancellationToken;

    public override Metadata ResponseTrailers { get; } = [];

    public override Status Status { get; set; }

    public override ClaimsPrincipal User => user;

    public override string? ResponseCompression { get; set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;

    public override HttpContext GetHttpContext() => new DefaultHttpContext { User = user };

    public static TestCallContext Secretariat(string subject = "secretariat-1") => As(subject, ["Secretariat"], []);

    public static TestCallContext FocalPoint(string subject, params string[] parties) => As(subject, ["FocalPoint"], parties);

    public static TestCallContext As(string subject, string[] roles, string[] parties, CancellationToken cancellationToken = default)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        claims.AddRange(parties.Select(p => new Claim("party", p)));
        return new TestCallContext(new ClaimsPrincipal(new ClaimsIdentity(claims, "test", "sub", "role")), cancellationToken);
    }

    public static TestCallContext Anonymous() => new(new ClaimsPrincipal(new ClaimsIdentity()));
}
