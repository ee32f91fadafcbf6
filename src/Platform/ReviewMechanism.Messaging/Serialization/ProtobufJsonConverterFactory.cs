using System.Text.Json;
using System.Text.Json.Serialization;
using Google.Protobuf;

namespace ReviewMechanism.Messaging.Serialization;

/// <summary>
/// Lets System.Text.Json (MassTransit's serializer) read and write any generated protobuf message in
/// the canonical proto3 JSON mapping (Google.Protobuf's JsonFormatter and JsonParser): field names in
/// lowerCamelCase, enums by name, Timestamps as RFC 3339 text. Unknown fields are ignored on read, so a
/// newer producer that added a field does not break an older consumer.
/// </summary>
public sealed class ProtobufJsonConverterFactory : JsonConverterFactory
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public override bool CanConvert(Type typeToConvert) =>
        typeof(IMessage).IsAssignableFrom(typeToConvert) && typeToConvert is { IsClass: true, IsAbstract: false };

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ProtobufJsonConverter<>).MakeGenericType(typeToConvert), Formatter, Parser)!;
}
