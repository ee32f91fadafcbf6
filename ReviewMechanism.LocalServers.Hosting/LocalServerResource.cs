using Aspire.Hosting.ApplicationModel;
using ReviewMechanism.LocalServers;

namespace ReviewMechanism.LocalServers.Hosting;

/// <summary>
/// A server of <see cref="ReviewMechanism.LocalServers"/> as an Aspire executable. Aspire (DCP) runs it through
/// <c>/usr/bin/env</c>, which execs the program the server describes once it is installed, so the process Aspire
/// signals is the server itself.
/// </summary>
public abstract class LocalServerResource(string name, ILocalServer server, string workingDirectory)
    : ExecutableResource(name, "/usr/bin/env", workingDirectory), IResourceWithConnectionString
{
    internal ILocalServer Server { get; } = server;

    /// <summary>Where the server's own messages (install, initdb) go before and besides its process output.</summary>
    internal ResourceOutput Output { get; } = new();

    public abstract ReferenceExpression ConnectionStringExpression { get; }
}
