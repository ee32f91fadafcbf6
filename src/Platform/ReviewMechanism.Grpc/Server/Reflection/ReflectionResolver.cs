using Google.Protobuf;
using ReviewMechanism.Grpc.Server.Internal;

namespace ReviewMechanism.Grpc.Server.Reflection;

/// <summary>What a reflection request asked for, independent of the protocol version.</summary>
internal enum ReflectionQuery
{
    FileByFilename,
    FileContainingSymbol,
    FileContainingExtension,
    AllExtensionNumbersOfType,
    ListServices,
    Unknown,
}

/// <summary>The answer to one reflection request, independent of the protocol version.</summary>
internal sealed record ReflectionAnswer(
    IReadOnlyList<ByteString>? Files = null,
    IReadOnlyList<string>? Services = null,
    string? ExtensionBaseType = null,
    IReadOnlyList<int>? ExtensionNumbers = null,
    StatusCode ErrorCode = StatusCode.OK,
    string ErrorMessage = "");

/// <summary>Answers reflection queries from the mapped services' descriptors; one per stream (tracks files sent).</summary>
internal sealed class ReflectionResolver
{
    private static DescriptorIndex? _cachedIndex;
    private readonly DescriptorIndex _index;
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);

    public ReflectionResolver(GrpcServiceRegistry registry)
    {
        var services = registry.Services;
        var index = _cachedIndex;
        if (index is null || index.ServiceCount != services.Count || !index.Services.SequenceEqual(services.Select(s => s.FullName).OrderBy(n => n, StringComparer.Ordinal)))
        {
            index = new DescriptorIndex(services);
            _cachedIndex = index;
        }
        _index = index;
    }

    public ReflectionAnswer Answer(ReflectionQuery query, string argument, int extensionNumber)
    {
        switch (query)
        {
            case ReflectionQuery.ListServices:
                return new ReflectionAnswer(Services: _index.Services);
            case ReflectionQuery.FileByFilename:
                var file = _index.FindFile(argument);
                return file is null
                    ? NotFound($"File '{argument}' is not known to this server.")
                    : new ReflectionAnswer(Files: DescriptorIndex.WithDependencies(file, _sent));
            case ReflectionQuery.FileContainingSymbol:
                var owner = _index.FindFileContainingSymbol(argument);
                return owner is null
                    ? NotFound($"Symbol '{argument}' is not known to this server.")
                    : new ReflectionAnswer(Files: DescriptorIndex.WithDependencies(owner, _sent));
            case ReflectionQuery.FileContainingExtension:
                return NotFound($"Type '{argument}' has no extension {extensionNumber} known to this server.");
            case ReflectionQuery.AllExtensionNumbersOfType:
                return _index.FindMessage(argument) is null
                    ? NotFound($"Type '{argument}' is not known to this server.")
                    : new ReflectionAnswer(ExtensionBaseType: argument, ExtensionNumbers: []);
            default:
                return new ReflectionAnswer(ErrorCode: StatusCode.InvalidArgument, ErrorMessage: "The reflection request asks for nothing this server knows how to answer.");
        }
    }

    private static ReflectionAnswer NotFound(string message) => new(ErrorCode: StatusCode.NotFound, ErrorMessage: message);
}
