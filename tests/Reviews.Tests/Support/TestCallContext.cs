using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Reviews.Tests.Support;

/// <summary>
/// A call context for invoking the service class directly, with the claims of an access token (carried as
/// Grpc.AspNetCore's <c>GetHttpContext()</c> finds them for a context it did not create).
/// </summary>
public sealed class TestCallContext : ServerCallContext
{
    private readonly CancellationToken _cancellationToken;

    public TestCallContext(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        _cancellationToken = cancellationToken;
        UserState["__HttpContext"] = new DefaultHttpContext { User = user };
    }

    protected override string MethodCore => "/reviewmechanism.reviews.v1.ReviewsService/Test";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:1";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;

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
