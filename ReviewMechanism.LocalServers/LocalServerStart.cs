namespace ReviewMechanism.LocalServers;

/// <summary>The first start of a server that a caller does not hold yet.</summary>
internal static class LocalServerStart
{
    /// <summary>
    /// Starts <paramref name="server"/> and returns it; when the start fails, whatever it started is stopped first (a
    /// RabbitMQ node that exited while starting left its epmd running, and the caller, who never got the server, could
    /// not stop it).
    /// </summary>
    public static async Task<TServer> StartedAsync<TServer>(TServer server, CancellationToken cancellationToken)
        where TServer : ILocalServer
    {
        try
        {
            await server.StartProcessAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.StopAsync(StopMode.Fast).ConfigureAwait(false);
            throw;
        }
    }
}
