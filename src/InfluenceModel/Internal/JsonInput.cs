using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;

namespace InfluenceModel.Internal;

/// <summary>
/// The one way JSON inputs are read (campaign scenarios here; the CLI's channels, budget and community inputs too):
/// at most <see cref="MaxBytes"/> bytes, strict UTF-8, comments and trailing commas allowed, nesting at most
/// <see cref="MaxDepth"/>, no key given twice in one object, no lone UTF-16 surrogate escape. Every failure is a
/// <see cref="JsonException"/> whose message starts with the JSON path (or the line and column) and names no .NET type.
/// </summary>
internal static class JsonInput
{
    /// <summary>The largest input read: 16 MiB (a scenario is a few KB; the cap stops <c>/dev/zero</c> and the like).</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of objects and lists accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The reader settings every input shares.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
    };

    private static JsonReaderOptions ReaderOptions => new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
    };

    /// <summary>Reads at most <see cref="MaxBytes"/> bytes of <paramref name="stream"/>; more is refused before it is buffered.</summary>
    /// <exception cref="JsonException">The stream holds more than <see cref="MaxBytes"/> bytes.</exception>
    public static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new JsonException($"the input is larger than {MaxBytes / (1024 * 1024)} MiB, the limit for an input file (is it the right file?)", "$", null, null);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses <paramref name="utf8"/> (a UTF-8 byte-order mark is skipped) after checking it as described on the class.</summary>
    /// <returns>The document; null for the literal <c>null</c>.</returns>
    /// <exception cref="JsonException">Not UTF-8, malformed, too deep, a duplicate key or a lone surrogate; the message says where.</exception>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (!Utf8.IsValid(utf8))
        {
            throw NotUtf8(utf8);
        }

        if (utf8.IsEmpty || utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new JsonException("the input is empty; expected a JSON object ({ … })", "$", 0, 0);
        }

        Walk(utf8);
        return JsonNode.Parse(utf8, null, DocumentOptions);
    }

    /// <summary>Parses JSON text (see <see cref="Parse(ReadOnlySpan{byte})"/>).</summary>
    public static JsonNode? Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    /// <summary>How a value of <paramref name="type"/> is written in JSON, for messages: "a number", "one of "mean", "cvar"" …</summary>
    public static string Describe(Type type, JsonSerializerOptions options)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            return "one of " + string.Join(", ", EnumNames(t, options));
        }

        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            return "a number";
        }

        if (IntegerRange(t) is { } range)
        {
            return $"a whole number in [{range.Min.ToString(CultureInfo.InvariantCulture)}, {range.Max.ToString(CultureInfo.InvariantCulture)}]";
        }

        if (t == typeof(string))
        {
            return "text (in quotes)";
        }

        if (t == typeof(bool))
        {
            return "true or false";
        }

        return options.GetTypeInfo(t).Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object ({ … })",
            JsonTypeInfoKind.Enumerable => "a list ([ … ])",
            _ => "a value of another kind",
        };
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot be read as <paramref name="type"/> (wrong kind, a fraction for a whole number,
    /// out of the type's range, an enum name not defined, null where null is not allowed); null when it can.
    /// </summary>
    public static string? Mismatch(JsonNode? value, Type type, bool nullAllowed, JsonSerializerOptions options, bool isProperty = true)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        Type t = underlying ?? type;
        if (value is null)
        {
            return nullAllowed || underlying is not null ? null : $"must be {Describe(t, options)}, not null{(isProperty ? " (leave it out for the default)" : "")}";
        }

        JsonValueKind kind = value.GetValueKind();
        string Was() => $"must be {Describe(t, options)}; it was {Shown(value)}";
        if (t.IsEnum)
        {
            return kind == JsonValueKind.String && EnumNames(t, options).Contains(Quoted(value.GetValue<string>()), StringComparer.OrdinalIgnoreCase) ? null : Was();
        }

        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal))
        {
            if (kind != JsonValueKind.Number)
            {
                return Was();
            }

            double d = double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
            return double.IsFinite(d) && (t != typeof(float) || float.IsFinite((float)d))
                ? null
                : $"must be a finite number (at most ±{(t == typeof(float) ? float.MaxValue : double.MaxValue).ToString("G3", CultureInfo.InvariantCulture)}); it was {Shown(value)}";
        }

        if (IntegerRange(t) is { } range)
        {
            if (kind != JsonValueKind.Number || !decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal m)
                || m != decimal.Truncate(m) || m < range.Min || m > range.Max)
            {
                return Was();
            }

            return null;
        }

        if (t == typeof(string))
        {
            return kind == JsonValueKind.String ? null : Was();
        }

        if (t == typeof(bool))
        {
            return kind is JsonValueKind.True or JsonValueKind.False ? null : Was();
        }

        JsonTypeInfoKind shape = options.GetTypeInfo(t).Kind;
        return shape switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary when kind != JsonValueKind.Object => Was(),
            JsonTypeInfoKind.Enumerable when kind != JsonValueKind.Array => Was(),
            _ => null,
        };
    }

    /// <summary>A JSON value as the user wrote it, at most 40 characters, for "it was …".</summary>
    public static string Shown(JsonNode? value)
    {
        string text = value is null ? "null" : value.ToJsonString();
        return text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "…");
    }

    private static IEnumerable<string> EnumNames(Type enumType, JsonSerializerOptions options)
    {
        JsonTypeInfo info = options.GetTypeInfo(enumType);
        return Enum.GetValuesAsUnderlyingType(enumType).Cast<object>()
            .Select(v => JsonSerializer.Serialize(Enum.ToObject(enumType, v), info))
            .Where(s => s.StartsWith('"'));
    }

    /// <summary>A string as JSON writes it (quoted, escaped as the serializer's default encoder does).</summary>
    private static string Quoted(string text) => $"\"{JsonEncodedText.Encode(text)}\"";

    private static (decimal Min, decimal Max)? IntegerRange(Type t) =>
        t == typeof(int) ? (int.MinValue, int.MaxValue)
        : t == typeof(long) ? (long.MinValue, long.MaxValue)
        : t == typeof(uint) ? (uint.MinValue, uint.MaxValue)
        : t == typeof(ulong) ? (ulong.MinValue, ulong.MaxValue)
        : t == typeof(short) ? (short.MinValue, short.MaxValue)
        : t == typeof(byte) ? (byte.MinValue, byte.MaxValue)
        : null;

    /// <summary>Reads the whole document once with a path stack: syntax, depth, duplicate keys and lone surrogates.</summary>
    private static void Walk(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        var path = new List<string>();
        var keys = new List<HashSet<string>?>();
        var index = new List<int>();
        string? pending = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        string name = Text(ref reader, Join(path, path.Count - 1), asName: true);
                        if (!keys[^1]!.Add(name))
                        {
                            string at = Join(path, path.Count - 1) + "." + name;
                            throw new JsonException($"{at} is given twice in one object (duplicate key); keep one", at, null, null);
                        }

                        pending = name;
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Enter(path, index, keys, ref pending, reader.TokenType == JsonTokenType.StartObject);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        keys.RemoveAt(keys.Count - 1);
                        index.RemoveAt(index.Count - 1);
                        continue;
                    case JsonTokenType.String:
                        Locate(path, index, ref pending);
                        _ = Text(ref reader, Join(path, path.Count), asName: false);
                        continue;
                    default:
                        Locate(path, index, ref pending);
                        continue;
                }
            }
        }
        catch (JsonException ex) when (ex.Path is null)
        {
            // The reader's own syntax errors: keep its sentence, drop its "LineNumber: 3 | BytePositionInLine: 7." tail.
            string sentence = ex.Message.Split(" LineNumber:", 2)[0].Trim().TrimEnd('.');
            long line = (ex.LineNumber ?? 0) + 1, column = (ex.BytePositionInLine ?? 0) + 1;
            string near = Join(path, path.Count);
            throw new JsonException($"line {line}, column {column} (near {near}): {sentence}", near, ex.LineNumber, ex.BytePositionInLine, ex);
        }

        static void Enter(List<string> path, List<int> index, List<HashSet<string>?> keys, ref string? pending, bool isObject)
        {
            Locate(path, index, ref pending);
            path.Add("");
            index.Add(-1);
            keys.Add(isObject ? new HashSet<string>(StringComparer.Ordinal) : null);
        }
    }

    /// <summary>Moves the path to the value just read: the pending property name, or the next list index.</summary>
    private static void Locate(List<string> path, List<int> index, ref string? pending)
    {
        if (path.Count == 0)
        {
            return;
        }

        if (pending is not null)
        {
            path[^1] = "." + pending;
            pending = null;
        }
        else
        {
            index[^1]++;
            path[^1] = $"[{index[^1].ToString(CultureInfo.InvariantCulture)}]";
        }
    }

    private static string Text(ref Utf8JsonReader reader, string at, bool asName)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            string what = asName ? "a property name" : "the text";
            throw new JsonException($"{at}: {what} holds a lone UTF-16 surrogate escape (\\uD800–\\uDFFF without its pair); text must be valid Unicode", at, null, null);
        }
    }

    /// <summary>The JSON path of the first <paramref name="count"/> levels.</summary>
    private static string Join(List<string> path, int count)
    {
        var sb = new StringBuilder("$");
        for (int i = 0; i < count; i++)
        {
            sb.Append(path[i]);
        }

        return sb.ToString();
    }

    private static JsonException NotUtf8(ReadOnlySpan<byte> utf8)
    {
        int offset = 0;
        while (offset < utf8.Length && Rune.DecodeFromUtf8(utf8[offset..], out _, out int consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }

        int line = 1, column = 1;
        for (int i = 0; i < offset; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        string hint = utf8.Length >= 2 && ((utf8[0] == 0xFF && utf8[1] == 0xFE) || (utf8[0] == 0xFE && utf8[1] == 0xFF))
            ? " (it looks like UTF-16: save it as UTF-8)"
            : " (save it as UTF-8 text)";
        return new JsonException($"line {line}, column {column}: the input is not UTF-8 text: byte 0x{utf8[offset]:X2} cannot start or continue a character{hint}", "$", line - 1, column - 1);
    }
}
