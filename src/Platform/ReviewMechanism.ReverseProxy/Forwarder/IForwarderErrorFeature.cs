namespace ReviewMechanism.ReverseProxy.Forwarder;

/// <summary>Set on the HttpContext when forwarding failed: the error and the exception behind it.</summary>
public interface IForwarderErrorFeature
{
    ForwarderError Error { get; }

    Exception? Exception { get; }
}

internal sealed record ForwarderErrorFeature(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;
