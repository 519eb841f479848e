using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using InfluenceModel.Campaigns;

namespace InfluenceModel.Tests.Campaigns;

public sealed class CampaignScenarioTests
{
    [Fact]
    public void Default_IsTheArticleSetting_AndIsValid()
    {
        Assert.Equal(new CampaignScenario(), CampaignScenario.Default);
        Assert.Empty(CampaignScenario.Default.Validate());
        // The article's numbers: 22% always read reviews, 43% most of the time; 28% act on a blog post.
        Assert.Equal(0.22, CampaignScenario.Default.Population.Segments[0].Share);
        Assert.Equal(0.43, CampaignScenario.Default.Population.Segments[1].Share);
        Assert.Equal(0.28, CampaignScenario.Default.Channels.Single(c => c.Name == "CEO blog").ActionRate);
        Assert.Equal(10_000, CampaignScenario.Default.Population.Consumers);
        Assert.Equal(6, CampaignScenario.Default.Channels.Count);
        Assert.Equal(40, CampaignScenario.Default.Simulation.Simulations);
        Assert.Equal(2009UL, CampaignScenario.Default.Simulation.Seed);
    }

    [Fact]
    public void OmittedProperties_TakeTheDomainTypesDefaults_OmittedSections_TheArticles()
    {
        CampaignScenario s = CampaignScenario.Parse("""{ "influence": { "model": "kelman" }, "budget": { "annualTotal": 100000 } }""");
        Campaign campaign = (s with { Population = s.Population with { Consumers = 400 }, Ambassadors = s.Ambassadors with { Employees = 40, Count = 2 } }).Build();
        var kelman = Assert.IsType<InfluenceModel.Diffusion.KelmanInfluence>(campaign.Influence);
        var modelDefault = new InfluenceModel.Diffusion.KelmanInfluence();
        Assert.Equal(modelDefault.Identification, kelman.Identification);
        Assert.Equal(modelDefault.MaxPeriods, kelman.MaxPeriods);
        Assert.Equal(new CampaignBudget().ReserveShare, s.Budget.ReserveShare);
        Assert.Equal(100_000, s.Budget.AnnualTotal);
        Assert.Equal(CampaignScenario.Default.Channels, s.Channels);
        Assert.Equal(CampaignScenario.Default.Simulation, s.Simulation);
    }

    [Fact]
    public void LoadSaveLoad_IsEqual_ListsIncluded()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("scenario-").FullName, "s.json");
        CampaignScenario original = CampaignScenario.Default with
        {
            Name = "modified",
            Channels = [.. CampaignScenario.Default.Channels.Take(2), CampaignScenario.Default.Channels[2] with { Audience = [0.1, 0.2, 0.3] }],
        };
        original.Save(path);
        CampaignScenario loaded = CampaignScenario.Load(path);
        loaded.Save(path);
        CampaignScenario again = CampaignScenario.Load(path);

        Assert.Equal(original, loaded);
        Assert.Equal(loaded, again);
        Assert.Equal(original.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(original, original with { Channels = [.. original.Channels.Take(2), original.Channels[2] with { Audience = [0.1, 0.2, 0.31] }] });
    }

    [Property(MaxTest = 50)]
    public bool RoundTrip_OfArbitraryNumbers_IsEqual(NormalFloat kappa, PositiveInt consumers, ulong seed)
    {
        CampaignScenario s = CampaignScenario.Default with
        {
            Population = CampaignScenario.Default.Population with { AverageDegree = 1 + consumers.Get },
            Channels = [CampaignScenario.Default.Channels[0] with { Response = CampaignScenario.Default.Channels[0].Response! with { Kappa = 1 + Math.Abs(kappa.Get) } }],
            Simulation = new SimulationOptions { Seed = seed },
        };
        return CampaignScenario.Parse(s.ToJson()) == s;
    }

    [Fact]
    public void Json_IsCamelCase_WithSchemaVersion_AndEnumsAsStrings()
    {
        string json = CampaignScenario.Default.ToJson();
        Assert.Contains("\"schemaVersion\": 2", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"preLaunch\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reviewReliance\"", json, StringComparison.Ordinal);
        Assert.Contains("\"michaelisMenten\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownProperty_IsRejectedWithItsPath()
    {
        var ex = Assert.Throws<ScenarioValidationException>(() => CampaignScenario.Parse("""{ "budget": { "anualTotal": 5 } }"""));
        Assert.Equal("$.budget.anualTotal", Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public void Parse_NullForARequiredObject_IsRejected() =>
        Assert.Equal("$.budget", Assert.Single(Assert.Throws<ScenarioValidationException>(() => CampaignScenario.Parse("""{ "budget": null }""")).Problems).Path);

    [Fact]
    public void Parse_Malformed_IsAJsonException() =>
        Assert.ThrowsAny<JsonException>(() => CampaignScenario.Parse("""{ "budget": """));

    [Fact]
    public void Json_LeavesOutComputedProperties()
    {
        string json = CampaignScenario.Default.ToJson();
        Assert.DoesNotContain("\"committed\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"meanCost\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"costPerPeriod\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SchemaFile_DeclaresEveryPropertyOfTheDefault_AndForbidsOthers()
    {
        string schemaPath = Path.Combine(SharedData.RepositoryRoot, "docs", "campaign-scenario.schema.json");
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(schemaPath));
        using JsonDocument json = JsonDocument.Parse(CampaignScenario.Default.ToJson());
        CheckObject(schema.RootElement, json.RootElement, "$", schema.RootElement);
    }

    private static void CheckObject(JsonElement schema, JsonElement value, string path, JsonElement root)
    {
        schema = Resolve(schema, root);
        Assert.True(schema.TryGetProperty("additionalProperties", out JsonElement additional) && additional.ValueKind == JsonValueKind.False, $"{path}: additionalProperties must be false");
        JsonElement properties = schema.GetProperty("properties");
        foreach (JsonProperty p in value.EnumerateObject())
        {
            Assert.True(properties.TryGetProperty(p.Name, out JsonElement sub), $"{path}.{p.Name} is not in the schema");
            sub = Resolve(sub, root);
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                CheckObject(sub, p.Value, $"{path}.{p.Name}", root);
            }
            else if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() > 0 && p.Value[0].ValueKind == JsonValueKind.Object)
            {
                CheckObject(sub.GetProperty("items"), p.Value[0], $"{path}.{p.Name}[0]", root);
            }
        }
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement root) =>
        schema.TryGetProperty("$ref", out JsonElement reference)
            ? root.GetProperty("$defs").GetProperty(reference.GetString()!["#/$defs/".Length..])
            : schema;
}
