using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Interop.Tests.Infrastructure;

/// <summary>
/// Requests for any RPC, built from its descriptor: every field given a plausible value (a party where a party is
/// named, an e-mail address where one is asked, ids, today's date...), so the call gets past validation to the
/// checks the test is about; and the malformed variants of the bad-input tests.
/// </summary>
public static class Requests
{
    public static IMessage Plausible(MessageDescriptor type, string party, int depth = 0)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            if (field.ContainingOneof is { } oneof && !oneof.IsSynthetic && oneof.Fields[0] != field)
            {
                continue;   // one member of each oneof
            }
            var value = Value(field, party, depth);
            if (value is null)
            {
                continue;
            }
            if (field.IsRepeated)
            {
                if (field.IsMap)
                {
                    continue;
                }
                ((IList)field.Accessor.GetValue(message)).Add(value);
            }
            else
            {
                field.Accessor.SetValue(message, value);
            }
        }
        return message;
    }

    /// <summary>A plausible request whose every top-level string field holds <paramref name="length"/> characters.</summary>
    public static byte[] Oversize(MessageDescriptor type, int length)
    {
        var message = Plausible(type, "AUT");
        var text = new string('A', length);
        foreach (var field in type.Fields.InDeclarationOrder().Where(f => f.FieldType == FieldType.String))
        {
            if (field.IsRepeated)
            {
                ((IList)field.Accessor.GetValue(message)).Add(text);
            }
            else
            {
                field.Accessor.SetValue(message, text);
            }
        }
        return message.ToByteArray();
    }

    /// <summary>Field 1 announced as 10 length-delimited bytes, of which 2 arrive.</summary>
    public static byte[] Truncated(MessageDescriptor type) => [.. Plausible(type, "AUT").ToByteArray(), 0x0A, 0x0A, 0x41, 0x41];

    /// <summary>Not protobuf: a tag with field number 0 and bytes that follow no rule.</summary>
    public static byte[] Invalid() => [0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];

    /// <summary>Field 1 with wire type 7, which does not exist.</summary>
    public static byte[] InvalidWireType() => [0x0F, 0x01, 0x02, 0x03];

    /// <summary>
    /// Every field of the request sent with a wire type other than its own (a string as a varint, a number as
    /// length-delimited bytes). Protobuf parsers keep such fields as unknown fields, so the service sees an empty
    /// request: what matters is that the answer is a clear status, not that it is an error.
    /// </summary>
    public static byte[] WrongWireTypes(MessageDescriptor type)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            var lengthDelimited = field.FieldType is FieldType.String or FieldType.Bytes or FieldType.Message || field.IsPacked;
            if (lengthDelimited)
            {
                output.WriteTag(field.FieldNumber, WireFormat.WireType.Varint);
                output.WriteInt64(1234567);
            }
            else
            {
                output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
                output.WriteString("not a number");
            }
        }
        output.Flush();
        return stream.ToArray();
    }

    /// <summary>A field that names a party by its ISO3 code (party, iso3, party_under_review, requesting_party...).</summary>
    public static bool IsParty(string name) =>
        name is "iso3" or "parties" || name.EndsWith("party", StringComparison.Ordinal) || name.StartsWith("party_", StringComparison.Ordinal);

    private static object? Value(FieldDescriptor field, string party, int depth)
    {
        var name = field.Name;
        return field.FieldType switch
        {
            FieldType.String => name switch
            {
                _ when IsParty(name) => party,
                _ when name.Contains("email", StringComparison.Ordinal) => "interop.test@example.org",
                _ when name.Contains("phone", StringComparison.Ordinal) => "+43 1 26060 0000",
                // A nested id is a choice (a review for a scope, a parent...) that needs a matching kind: left out.
                _ when depth > 0 && (name.EndsWith("_id", StringComparison.Ordinal) || name.EndsWith("_ids", StringComparison.Ordinal)) => null,
                _ when name.Contains("language", StringComparison.Ordinal) => "en",
                _ when name.EndsWith("id", StringComparison.Ordinal) || name.EndsWith("ids", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ when name.Contains("url", StringComparison.Ordinal) => "https://example.org/",
                _ when name.Contains("date", StringComparison.Ordinal) => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                _ => "Interop test",
            },
            FieldType.Bool => true,
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => 1,
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 1L,
            FieldType.UInt32 or FieldType.Fixed32 => 1u,
            FieldType.UInt64 or FieldType.Fixed64 => 1UL,
            FieldType.Double => 1.0,
            FieldType.Float => 1.0f,
            FieldType.Bytes => ByteString.CopyFromUtf8("interop"),
            FieldType.Enum => System.Enum.ToObject(field.EnumType.ClrType,
                (field.EnumType.Values.FirstOrDefault(v => v.Number != 0) ?? field.EnumType.Values[0]).Number),
            FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName => Timestamp.FromDateTime(DateTime.UtcNow.Date.AddDays(30)),
            FieldType.Message when field.MessageType.FullName == Duration.Descriptor.FullName => Duration.FromTimeSpan(TimeSpan.FromDays(1)),
            FieldType.Message when depth < 3 && field.MessageType.ClrType is not null => Plausible(field.MessageType, party, depth + 1),
            _ => null,
        };
    }
}
