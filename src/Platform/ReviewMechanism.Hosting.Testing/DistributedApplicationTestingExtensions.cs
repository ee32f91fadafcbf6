using System.Net;

namespace ReviewMechanism.Hosting.Testing;

/// <summary>What tests do with a running application (Aspire.Hosting.Testing's names where it has them).</summary>
public static class DistributedApplicationTestingExtensions
{
    /// <summary>
    /// An HttpClient for a project's endpoint. For an HTTP/2-only endpoint (<c>grpc</c>) it speaks
    /// cleartext HTTP/2 with prior knowledge (h2c), as gRPC clients do.
    /// </summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resource, string endpoint = "http", int replica = 0)
    {
        var address = app.GetEndpoint(resource, endpoint, replica);
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address };
        if (IsHttp2Only(app, resource, endpoint))
        {
            client.DefaultRequestVersion = HttpVersion.Version20;
            client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
        return client;
    }

    /// <summary>Waits until the resource is running and healthy (after a restart, say).</summary>
    public static Task WaitForResourceHealthyAsync(this DistributedApplication app, string resource, TimeSpan? timeout = null)
    {
        var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        return app.ResourceNotifications.WaitForResourceHealthyAsync(resource, limit.Token)
            .ContinueWith(t => { limit.Dispose(); return t; }, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Stops a server (or project) and starts it again on the same port and data, waiting until it is healthy.</summary>
    public static async Task RestartResourceAsync(this DistributedApplication app, string resource, TimeSpan? downFor = null, TimeSpan? timeout = null)
    {
        await app.StopResourceAsync(resource).ConfigureAwait(false);
        if (downFor is { } pause)
        {
            await Task.Delay(pause).ConfigureAwait(false);
        }
        await app.StartResourceAsync(resource).ConfigureAwait(false);
        await app.WaitForResourceHealthyAsync(resource, timeout).ConfigureAwait(false);
    }

    private static bool IsHttp2Only(DistributedApplication app, string resource, string endpoint) =>
        app.Model.Find(resource) is ApplicationModel.ProjectResource project
        && project.Endpoints.Any(e => e.Name == endpoint && e.Protocols == ApplicationModel.EndpointProtocols.Http2);
}
