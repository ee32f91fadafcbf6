using System.Collections.Generic;

namespace ReviewMechanism.Grpc.Generator;

/// <summary>Maps fully-qualified protobuf type names (".pkg.Msg") to C# type names.</summary>
internal sealed class TypeMap
{
    private static readonly string[] WellKnown =
    {
        "Any", "Duration", "Empty", "FieldMask", "ListValue", "Struct", "Timestamp", "Value",
        "BoolValue", "BytesValue", "DoubleValue", "FloatValue", "Int32Value", "Int64Value",
        "StringValue", "UInt32Value", "UInt64Value",
    };

    private readonly Dictionary<string, string> _names = new();

    public TypeMap()
    {
        foreach (var name in WellKnown)
        {
            _names[".google.protobuf." + name] = "global::Google.Protobuf.WellKnownTypes." + name;
        }
    }

    public void Add(ProtoFile file, string csharpNamespace)
    {
        var protoPrefix = file.Package.Length == 0 ? "." : "." + file.Package + ".";
        var csharpPrefix = "global::" + (csharpNamespace.Length == 0 ? "" : csharpNamespace + ".");
        foreach (var message in file.Messages)
        {
            AddMessage(message, protoPrefix, csharpPrefix);
        }
    }

    private void AddMessage(ProtoMessage message, string protoPrefix, string csharpPrefix)
    {
        _names[protoPrefix + message.Name] = csharpPrefix + message.Name;
        foreach (var nested in message.Nested)
        {
            AddMessage(nested, protoPrefix + message.Name + ".", csharpPrefix + message.Name + ".Types.");
        }
    }

    public string? Resolve(string protoName) => _names.TryGetValue(protoName, out var name) ? name : null;
}
