using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace InfluenceModel.Internal;

/// <summary>
/// Keeps the declared default of every init-only property a JSON input leaves out, under source-generated metadata.
/// </summary>
/// <remarks>
/// Source-generated System.Text.Json metadata (what trimmed and Native AOT code must use) builds a type with init-only
/// properties through one object initializer that sets all of them, so an omitted property gets 0 or null instead of
/// the default its type declares (dotnet/runtime#84484, still open in .NET 10). The reflection serializer kept the
/// default. Every input here is read from a <see cref="JsonNode"/>, so <see cref="Deserialize"/> first writes each
/// omitted init-only property into the node with the value a new instance has (<see cref="Register{T}"/> names the
/// types that have a parameterless constructor), at every level, then reads the node: the same object the reflection
/// serializer made. A type with such properties that is not registered is a programming error and throws.
/// </remarks>
internal static class JsonDefaults
{
    private static readonly ConcurrentDictionary<Type, Func<object>> Factories = new();

    /// <summary>Declares that an omitted init-only property of <typeparamref name="T"/> takes the value <c>new T()</c> has.</summary>
    public static void Register<T>()
        where T : new() => Factories.TryAdd(typeof(T), static () => new T());

    /// <summary>True when <paramref name="type"/> is built with its parameterless constructor (what the reflection serializer did).</summary>
    public static bool HasFactory(Type type) => Factories.ContainsKey(type);

    /// <summary>Reads <paramref name="node"/> as <paramref name="type"/> with the metadata of <paramref name="options"/>, omitted init-only properties at their declared defaults.</summary>
    /// <exception cref="JsonException">The node cannot be read as the type.</exception>
    /// <exception cref="ArgumentException">A domain guard of the type rejected a value.</exception>
    public static object? Deserialize(JsonNode? node, Type type, JsonSerializerOptions options)
    {
        node = node?.DeepClone(); // the caller's node stays as the user wrote it
        Fill(node, type, options);
        return node.Deserialize(options.GetTypeInfo(type));
    }

    /// <inheritdoc cref="Deserialize(JsonNode?, Type, JsonSerializerOptions)"/>
    public static T? Deserialize<T>(JsonNode? node, JsonSerializerOptions options) => (T?)Deserialize(node, typeof(T), options);

    /// <summary>Writes the declared default of every omitted init-only property into <paramref name="node"/>, at every level.</summary>
    private static void Fill(JsonNode? node, Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (node is null || type == typeof(object) || type.IsPrimitive || type.IsEnum || type == typeof(string))
        {
            return;
        }

        JsonTypeInfo info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when node is JsonObject obj:
                FillObject(obj, info, options);
                break;
            case JsonTypeInfoKind.Enumerable when node is JsonArray array && info.ElementType is { } element:
                foreach (JsonNode? item in array)
                {
                    Fill(item, element, options);
                }

                break;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map && info.ElementType is { } value:
                foreach ((_, JsonNode? item) in map)
                {
                    Fill(item, value, options);
                }

                break;
        }
    }

    private static void FillObject(JsonObject obj, JsonTypeInfo info, JsonSerializerOptions options)
    {
        object? defaults = null;
        StringComparison comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (Find(obj, property.Name, comparison, out JsonNode? given))
            {
                Fill(given, property.PropertyType, options);
                continue;
            }

            if (property.AssociatedParameter is not { IsMemberInitializer: true } || property.IsRequired || property.Get is null)
            {
                continue;
            }

            defaults ??= Factories.TryGetValue(info.Type, out Func<object>? create)
                ? create()
                : throw new InvalidOperationException($"{info.Type.Name} has init-only properties with defaults: register it with JsonDefaults.Register<{info.Type.Name}>().");
            if (property.Get(defaults) is { } value)
            {
                obj[property.Name] = JsonSerializer.SerializeToNode(value, options.GetTypeInfo(property.PropertyType));
            }
        }
    }

    private static bool Find(JsonObject obj, string name, StringComparison comparison, out JsonNode? value)
    {
        if (obj.TryGetPropertyValue(name, out value))
        {
            return true;
        }

        if (comparison == StringComparison.OrdinalIgnoreCase)
        {
            foreach ((string key, JsonNode? item) in obj)
            {
                if (string.Equals(key, name, comparison))
                {
                    value = item;
                    return true;
                }
            }
        }

        return false;
    }
}
