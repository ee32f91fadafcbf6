using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ReviewMechanism.Grpc.Server.Reflection;

/// <summary>
/// The proto files behind the mapped services, indexed by file name and by fully-qualified symbol
/// (services, methods, messages, enums, nested types), with their transitive imports.
/// </summary>
internal sealed class DescriptorIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MessageDescriptor> _messages = new(StringComparer.Ordinal);

    public DescriptorIndex(IReadOnlyList<ServiceDescriptor> services)
    {
        Services = services.Select(s => s.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        foreach (var service in services)
        {
            AddFile(service.File);
        }
    }

    public int ServiceCount => Services.Count;

    public IReadOnlyList<string> Services { get; }

    public FileDescriptor? FindFile(string name) => _files.GetValueOrDefault(name);

    public FileDescriptor? FindFileContainingSymbol(string symbol) => _symbols.GetValueOrDefault(symbol);

    public MessageDescriptor? FindMessage(string fullName) => _messages.GetValueOrDefault(fullName);

    /// <summary>The file first, then those of its transitive imports not yet in <paramref name="sent"/>.</summary>
    public static List<ByteString> WithDependencies(FileDescriptor file, HashSet<string> sent)
    {
        var result = new List<ByteString>();
        var queue = new Queue<FileDescriptor>();
        queue.Enqueue(file);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            if (!seen.Add(current.Name))
            {
                continue;
            }
            if (result.Count == 0 || sent.Add(current.Name))
            {
                sent.Add(current.Name);
                result.Add(current.SerializedData);
            }
            foreach (var dependency in current.Dependencies)
            {
                queue.Enqueue(dependency);
            }
        }
        return result;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }
        foreach (var service in file.Services)
        {
            _symbols[service.FullName] = file;
            foreach (var method in service.Methods)
            {
                _symbols[method.FullName] = file;
            }
        }
        foreach (var message in file.MessageTypes)
        {
            AddMessage(file, message);
        }
        foreach (var enumType in file.EnumTypes)
        {
            _symbols[enumType.FullName] = file;
        }
        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessage(FileDescriptor file, MessageDescriptor message)
    {
        _symbols[message.FullName] = file;
        _messages[message.FullName] = message;
        foreach (var nested in message.NestedTypes)
        {
            AddMessage(file, nested);
        }
        foreach (var enumType in message.EnumTypes)
        {
            _symbols[enumType.FullName] = file;
        }
    }
}
