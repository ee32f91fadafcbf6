using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ReviewMechanism.Messaging.Serialization;

/// <summary>
/// Generated protobuf message types by CLR type and by stored name: the outbox stores the type as
/// <c>Namespace.Type, Assembly</c> and the body in the protobuf binary format.
/// </summary>
public static class ProtobufMessageTypes
{
    private static readonly ConcurrentDictionary<Type, MessageDescriptor> Descriptors = new();
    private static readonly ConcurrentDictionary<string, Type> TypesByName = new(StringComparer.Ordinal);

    public static MessageDescriptor GetDescriptor(Type messageType) =>
        Descriptors.GetOrAdd(messageType, static type =>
        {
            var property = type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static);
            return property?.GetValue(null) as MessageDescriptor
                ?? throw new ArgumentException($"{type.FullName} is not a generated protobuf message (no static Descriptor property).", nameof(messageType));
        });

    /// <summary>The name stored with an outbox row: full type name and assembly name, no version.</summary>
    public static string GetStoredName(Type messageType) =>
        $"{messageType.FullName}, {messageType.Assembly.GetName().Name}";

    public static Type Resolve(string storedName) =>
        TypesByName.GetOrAdd(storedName, static name =>
        {
            var type = Type.GetType(name, throwOnError: false)
                ?? throw new InvalidOperationException($"The message type '{name}' is not known to this service (is its contracts assembly referenced?).");
            if (!typeof(IMessage).IsAssignableFrom(type))
            {
                throw new InvalidOperationException($"'{name}' is not a protobuf message type.");
            }
            return type;
        });

    public static IMessage Parse(Type messageType, byte[] payload) =>
        GetDescriptor(messageType).Parser.ParseFrom(payload);
}
