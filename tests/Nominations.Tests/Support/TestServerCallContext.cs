using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Nominations.Tests.Support;

/// <summary>
/// A server call context carrying a given user, for calling the service class directly (the user travels as
/// Grpc.AspNetCore's <c>GetHttpContext()</c> finds it for a context it did not create).
/// </summary>
public sealed class TestServerCallContext : ServerCallContext
{
    public TestServerCallContext(ClaimsPrincipal user) => UserState["__HttpContext"] = new DefaultHttpContext { User = user };

    protected override string MethodCore => "/reviewmechanism.nominations.v1.NominationsService/Test";

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:50000";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore { get; } = [];

    protected override CancellationToken CancellationTokenCore => CancellationToken.None;

    protected override Metadata ResponseTrailersCore { get; } = [];

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore { get; } = new(null, []);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
