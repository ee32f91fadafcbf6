namespace ReviewMechanism.Grpc.Server.Telemetry;

/// <summary>
/// A method's metric tags, built once: recording passes a ready array (no tag list to build, no
/// boxed status code per call).
/// </summary>
internal sealed class MethodMetricTags
{
    private readonly KeyValuePair<string, object?>[][] _withStatus = new KeyValuePair<string, object?>[17][];

    public MethodMetricTags(IMethod method)
    {
        Method =
        [
            new("rpc.system", "grpc"),
            new("rpc.service", method.ServiceName),
            new("rpc.method", method.Name),
        ];
        for (var code = 0; code < _withStatus.Length; code++)
        {
            _withStatus[code] = [.. Method, new("rpc.grpc.status_code", code)];
        }
    }

    public KeyValuePair<string, object?>[] Method { get; }

    public ReadOnlySpan<KeyValuePair<string, object?>> WithStatus(StatusCode code)
    {
        var index = (int)code;
        return (uint)index < (uint)_withStatus.Length
            ? _withStatus[index]
            : (KeyValuePair<string, object?>[])[.. Method, new("rpc.grpc.status_code", index)];
    }
}
