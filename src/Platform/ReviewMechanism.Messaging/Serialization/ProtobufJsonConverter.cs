using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ReviewMechanism.Messaging.Serialization;

/// <summary>One protobuf message type in the proto3 JSON mapping; made by <see cref="ProtobufJsonConverterFactory"/>.</summary>
public sealed class ProtobufJsonConverter<T>(JsonFormatter formatter, JsonParser parser) : JsonConverter<T>
    where T : class, IMessage
{
    private static readonly MessageDescriptor Descriptor = ProtobufMessageTypes.GetDescriptor(typeof(T));

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A {Descriptor.FullName} message must be a JSON object, not {document.RootElement.ValueKind}.");
        }
        try
        {
            return (T)parser.Parse(document.RootElement.GetRawText(), Descriptor);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new JsonException($"The JSON is not a valid {Descriptor.FullName} message: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteRawValue(formatter.Format(value), skipInputValidation: true);
}
