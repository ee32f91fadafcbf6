namespace Documents.Api.Data.Blobs;

/// <summary>At start, removes uploads a crash left half-written in the incoming folder.</summary>
public sealed class IncomingSweepHostedService(ContentAddressedBlobStore blobs, ILogger<IncomingSweepHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = blobs.SweepIncoming();
        if (removed > 0)
        {
            logger.LogWarning("Removed {Count} interrupted upload(s) from {Folder}.", removed, blobs.IncomingFolder);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
