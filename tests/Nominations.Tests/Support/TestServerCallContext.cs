using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ReviewMechanism.Grpc;

namespace Nominations.Tests.Support;

/// <summary>A server call context carrying a given user, for calling the service class directly.</summary>
public sealed class TestServerCallContext(ClaimsPrincipal user) : ServerCallContext
{
    private readonly DefaultHttpContext _http = new() { User = user };

    public override string Method => "/reviewmechanism.nominations.v1.NominationsService/Test";

    public override string Host => "localhost";

    public override string Peer => "ipv4:127.0.0.1:50000";

    public override DateTime Deadline => DateTime.MaxValue;

    public override Metadata RequestHeaders { get; } = new();

    public override CancellationToken CancellationToken => CancellationToken.None;

    public override Metadata ResponseTrailers { get; } = new();

    public override Status Status { get; set; }

    public override ClaimsPrincipal User => user;

    public override string? ResponseCompression { get; set; }

    public override Task WriteResponseHeadersAsync(Metadata responseHeaders) => Task.CompletedTask;

    public override HttpContext GetHttpContext() => _http;
}
