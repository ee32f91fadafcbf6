using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Documents.Api.Domain.Documents;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Documents.Api.Data.EntityConfigurations;

/// <summary>A version's content as JSON (jsonb), and its SHA-256 over that canonical form.</summary>
public static class ContentJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static readonly ValueConverter<DocumentContent, string> Converter = new(c => Serialize(c), s => Deserialize(s));

    /// <summary>Versions never change: compare by the serialized form.</summary>
    public static readonly ValueComparer<DocumentContent> Comparer = new(
        (a, b) => Serialize(a!) == Serialize(b!), c => Serialize(c).GetHashCode(StringComparison.Ordinal), c => c);

    public static string Serialize(DocumentContent content) => JsonSerializer.Serialize(content, Options);

    public static DocumentContent Deserialize(string json) => JsonSerializer.Deserialize<DocumentContent>(json, Options) ?? DocumentContent.Empty;

    public static string Sha256(DocumentContent content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(content))));
}
