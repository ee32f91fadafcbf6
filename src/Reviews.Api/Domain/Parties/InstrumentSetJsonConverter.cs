using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reviews.Api.Domain.Parties;

/// <summary>Stores an instrument set as its readable codes (<c>"TIP/FIR"</c>) in audit records.</summary>
public sealed class InstrumentSetJsonConverter : JsonConverter<InstrumentSet>
{
    public override InstrumentSet Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InstrumentSet.Parse(reader.GetString());

    public override void Write(Utf8JsonWriter writer, InstrumentSet value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
