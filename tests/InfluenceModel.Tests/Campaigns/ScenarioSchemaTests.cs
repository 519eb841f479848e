using System.Text.Json;
using System.Text.Json.Nodes;
using InfluenceModel.Campaigns;

namespace InfluenceModel.Tests.Campaigns;

/// <summary>
/// docs/campaign-scenario.schema.json against the domain: every numeric range the schema declares for a property of
/// the default scenario is probed at the bound (the domain accepts it) and just outside (the domain rejects it, at that
/// JSON path), so the schema cannot drift from the domain types' declarations.
/// </summary>
public sealed class ScenarioSchemaTests
{
    public static TheoryData<string, string, double, bool> Probes()
    {
        string schemaPath = Path.Combine(SharedData.RepositoryRoot, "docs", "campaign-scenario.schema.json");
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(schemaPath));
        using JsonDocument json = JsonDocument.Parse(CampaignScenario.Default.ToJson());
        var data = new TheoryData<string, string, double, bool>();
        Walk(schema.RootElement, json.RootElement, "$", schema.RootElement, data);
        return data;
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public void SchemaRange_IsTheDomainsBound(string path, string bound, double value, bool valid)
    {
        JsonNode root = JsonNode.Parse(CampaignScenario.Default.ToJson())!;
        Set(root, path, value);
        IReadOnlyList<ScenarioProblem> problems = JsonLevelProblems(root.ToJsonString());
        if (valid)
        {
            Assert.DoesNotContain(problems, p => At(p, path));
        }
        else
        {
            Assert.Contains(problems, p => At(p, path));
        }

        Assert.NotEmpty(bound);
    }

    [Fact]
    public void Probes_CoverTheSections() =>
        Assert.True(Probes().Count > 60, "every numeric range of every section is probed");

    /// <summary>The problem is at the value, or at its list (a list element's guard names the list).</summary>
    private static bool At(ScenarioProblem problem, string path) =>
        problem.Path == path || (path.EndsWith(']') && path.StartsWith(problem.Path + "[", StringComparison.Ordinal));

    private static IReadOnlyList<ScenarioProblem> JsonLevelProblems(string json)
    {
        try
        {
            CampaignScenario.Parse(json);
            return [];
        }
        catch (ScenarioValidationException ex)
        {
            return ex.Problems;
        }
    }

    private static void Walk(JsonElement schema, JsonElement value, string path, JsonElement root, TheoryData<string, string, double, bool> data)
    {
        schema = Resolve(schema, root);
        if (value.ValueKind == JsonValueKind.Object)
        {
            JsonElement properties = schema.GetProperty("properties");
            foreach (JsonProperty p in value.EnumerateObject())
            {
                Walk(properties.GetProperty(p.Name), p.Value, $"{path}.{p.Name}", root, data);
            }
        }
        else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
        {
            Walk(schema.GetProperty("items"), value[0], $"{path}[0]", root, data);
        }
        else if (value.ValueKind == JsonValueKind.Number && path != "$.schemaVersion" && !path.EndsWith(".seed", StringComparison.Ordinal))
        {
            bool integer = schema.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String && type.GetString() == "integer";
            double step(double b) => integer ? 1 : Math.Max(1e-9, Math.Abs(b) * 1e-9);
            if (schema.TryGetProperty("minimum", out JsonElement min))
            {
                double b = min.GetDouble();
                data.Add(path, "minimum", b, true);
                data.Add(path, "minimum", b - step(b), false);
            }

            if (schema.TryGetProperty("maximum", out JsonElement max))
            {
                double b = max.GetDouble();
                data.Add(path, "maximum", b, true);
                data.Add(path, "maximum", b + step(b), false);
            }

            if (schema.TryGetProperty("exclusiveMinimum", out JsonElement xmin))
            {
                double b = xmin.GetDouble();
                data.Add(path, "exclusiveMinimum", b, false);
                data.Add(path, "exclusiveMinimum", b + step(b), true);
            }

            if (schema.TryGetProperty("exclusiveMaximum", out JsonElement xmax))
            {
                double b = xmax.GetDouble();
                data.Add(path, "exclusiveMaximum", b, false);
                data.Add(path, "exclusiveMaximum", b - step(b), true);
            }
        }
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement root) =>
        schema.TryGetProperty("$ref", out JsonElement reference)
            ? root.GetProperty("$defs").GetProperty(reference.GetString()!["#/$defs/".Length..])
            : schema;

    private static void Set(JsonNode root, string path, double value)
    {
        string[] parts = path[2..].Split('.');
        JsonNode node = root;
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            string name = bracket < 0 ? part : part[..bracket];
            bool last = i == parts.Length - 1;
            if (bracket >= 0)
            {
                int index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
                JsonArray array = node[name]!.AsArray();
                if (last)
                {
                    array[index] = value;
                }
                else
                {
                    node = array[index]!;
                }
            }
            else if (last)
            {
                node[name] = value % 1 == 0 && Math.Abs(value) < 1e15 ? JsonValue.Create((long)value) : JsonValue.Create(value);
            }
            else
            {
                node = node[name]!;
            }
        }
    }
}
