using System.Text.Json;
using System.Text.Json.Serialization;
using Guanjia.Domain.Common;

namespace Guanjia.Web.Common;

/// <summary>
/// Every string the API reads from a JSON body, property names of dictionaries included, passes
/// <see cref="StoredText.Clean"/> (ADR 0030): the one place where text enters, so no handler can forget it.
/// An escaped unpaired surrogate is refused by the reader itself and answers 400 naming the field.
/// </summary>
public sealed class CleanTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? StoredText.Clean(reader.GetString()!)
            : throw new JsonException($"Expected a string, found {reader.TokenType}");

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StoredText.Clean(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);
}
