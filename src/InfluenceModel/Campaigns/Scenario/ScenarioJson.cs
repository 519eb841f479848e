using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// How scenarios are read and written: camelCase, enums as camelCase strings, unknown members rejected, nulls rejected
/// where the type is non-nullable, nulls not written, computed (get-only, not constructor-bound) properties left out.
/// </summary>
/// <remarks>
/// Source-generated metadata (<see cref="ScenarioJsonContext"/>; no reflection serializer, so trimmed and Native AOT
/// hosts read scenarios too). An omitted property keeps the default its type declares: source-generated metadata alone
/// would set an omitted init-only property to 0 or null, so every read goes through <see cref="JsonDefaults.Deserialize(JsonNode?, Type, JsonSerializerOptions)"/>,
/// and the types with such properties are registered here. The domain types' own guards run while reading, so
/// <see cref="Check(JsonNode?, Type, string, ScenarioProblems)"/> reads each property of each object on its own to report every failure with its JSON path.
/// </remarks>
internal static class ScenarioJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Every problem in a scenario document: unknown members, wrong types and every domain guard failure, each at its
    /// JSON path. Objects are checked property by property (each on the type's defaults), then as a whole.
    /// </summary>
    public static void Check(JsonNode? node, Type type, string path, ScenarioProblems problems) => Check(node, type, path, problems, Options);

    /// <summary>
    /// <see cref="Check(JsonNode?, Type, string, ScenarioProblems)"/> for any input type read with
    /// <paramref name="options"/> (the CLI's channels, budget and community inputs use it too): unknown members with
    /// the allowed names, nulls where the property is not nullable, values of the wrong kind with what is expected
    /// (enums list their values), then every domain guard failure at its JSON path.
    /// </summary>
    public static void Check(JsonNode? node, Type type, string path, ScenarioProblems problems, JsonSerializerOptions options)
    {
        JsonTypeInfo info = options.GetTypeInfo(type);
        if (node is not JsonObject obj || info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        int before = problems.Items.Count;
        // Property by property only where the reflection serializer built the object with a parameterless constructor.
        bool byProperty = info.CreateObject is not null || JsonDefaults.HasFactory(info.Type);
        foreach ((string name, JsonNode? value) in obj)
        {
            string at = path + "." + name;
            JsonPropertyInfo? property = info.Properties.FirstOrDefault(p => p.Name == name)
                ?? (options.PropertyNameCaseInsensitive ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) : null);
            if (property is null)
            {
                problems.Add(at, $"is not a property here; the properties of {path} are {string.Join(", ", info.Properties.Select(p => p.Name))}");
                continue;
            }

            int own = problems.Items.Count;
            CheckChild(value, property.PropertyType, property.IsSetNullable, isProperty: true, at, problems, options);
            if (byProperty && problems.Items.Count == own)
            {
                Read(new JsonObject { [name] = value?.DeepClone() }, type, path, problems, whole: false, options);
            }
        }

        if (problems.Items.Count == before)
        {
            Read(obj, type, path, problems, whole: true, options);
        }
    }

    private static void CheckChild(JsonNode? value, Type type, bool nullAllowed, bool isProperty, string path, ScenarioProblems problems, JsonSerializerOptions options)
    {
        if (JsonInput.Mismatch(value, type, nullAllowed, options, isProperty) is { } mismatch)
        {
            problems.Add(path, mismatch);
            return;
        }

        Type target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is JsonObject)
        {
            Check(value, target, path, problems, options);
        }
        else if (value is JsonArray array && options.GetTypeInfo(target) is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element })
        {
            for (int i = 0; i < array.Count; i++)
            {
                // A list element may be null only when its type is a Nullable<T>.
                CheckChild(array[i], element, nullAllowed: false, isProperty: false, $"{path}[{i}]", problems, options);
            }
        }
    }

    private static void Read(JsonObject node, Type type, string path, ScenarioProblems problems, bool whole, JsonSerializerOptions options)
    {
        try
        {
            // A mapping section (channel, influence, community) maps itself onto its domain types once it reads.
            if (JsonDefaults.Deserialize(node, type, options) is IScenarioSection section && whole)
            {
                section.Check(path, problems);
            }
        }
        catch (ArgumentException ex)
        {
            problems.Add(path, ex);
        }
        catch (JsonException ex)
        {
            // The shapes were checked first, so this is rare; never show the serializer's .NET type names.
            string message = ex.Message.Split(" Path:", 2)[0];
            problems.Add(path + (ex.Path is { Length: > 1 } p ? p[1..] : ""), message.Contains("System.", StringComparison.Ordinal) || message.Contains("InfluenceModel.", StringComparison.Ordinal) ? "is not a value that can be read here" : message);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        // The scenario's types that have init-only properties with declared defaults (JsonDefaults; a test checks the list is complete).
        JsonDefaults.Register<CampaignScenario>();
        JsonDefaults.Register<CampaignPhase>();
        JsonDefaults.Register<ConsumerPopulation>();
        JsonDefaults.Register<ConsumerSegment>();
        JsonDefaults.Register<ScenarioChannel>();
        JsonDefaults.Register<ScenarioCurve>();
        JsonDefaults.Register<ScenarioAdstock>();
        JsonDefaults.Register<AmbassadorProgram>();
        JsonDefaults.Register<CampaignBudget>();
        JsonDefaults.Register<Budgeting.OpportunityProcess>();
        JsonDefaults.Register<ScenarioInfluence>();
        JsonDefaults.Register<ScenarioCommunity>();
        JsonDefaults.Register<SimulationOptions>();
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            TypeInfoResolver = ScenarioJsonContext.Default.WithAddedModifier(LeaveOutComputed),
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Drops get-only properties that no constructor parameter sets (MeanCost, Committed, Weights …): they are results, not inputs.</summary>
    private static void LeaveOutComputed(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (int i = info.Properties.Count - 1; i >= 0; i--)
        {
            JsonPropertyInfo p = info.Properties[i];
            if (p.Set is null && p.AssociatedParameter is null)
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}

/// <summary>A scenario section that is a mapping onto domain types: it reports its domain failures at its JSON path.</summary>
internal interface IScenarioSection
{
    void Check(string path, ScenarioProblems problems);
}
