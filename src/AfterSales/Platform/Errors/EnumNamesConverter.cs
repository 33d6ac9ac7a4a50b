using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Platform.Errors;

/// <summary>
/// Enums in the API's JSON as their member names, read strictly: one defined name (any case), never
/// a number, a numeric string or a comma-joined combination (which the framework's string enum
/// converter would turn into another member's value). Anything else is a JsonException, which the
/// API answers with a localised 400 naming the field.
/// </summary>
internal sealed class EnumNamesConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Names<>).MakeGenericType(typeToConvert))!;

    sealed class Names<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? Parse(reader.GetString())
                : throw new JsonException($"{typeof(T).Name} expects a name");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value.ToString());

        static T Parse(string? name) =>
            name is { Length: > 0 }
            && char.IsLetter(name[0])
            && !name.Contains(',', StringComparison.Ordinal)
            && Enum.TryParse<T>(name, ignoreCase: true, out var value)
            && Enum.IsDefined(value)
                ? value
                : throw new JsonException($"“{name}” is not a {typeof(T).Name}");
    }
}
