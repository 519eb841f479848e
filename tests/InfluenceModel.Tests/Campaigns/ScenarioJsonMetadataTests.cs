using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using InfluenceModel.Campaigns;
using InfluenceModel.Cli;
using InfluenceModel.Cli.Commands;
using InfluenceModel.Community;
using InfluenceModel.Internal;

namespace InfluenceModel.Tests.Campaigns;

/// <summary>
/// The JSON inputs are read with source-generated metadata (trimming/Native AOT), which alone would set an omitted
/// init-only property to 0 or null: every type with such properties must be registered with <see cref="JsonDefaults"/>.
/// </summary>
public sealed class ScenarioJsonMetadataTests
{
    [Fact]
    public void EveryScenarioTypeWithInitOnlyDefaults_IsRegistered() =>
        Assert.Empty(Unregistered(ScenarioJson.Options, typeof(CampaignScenario)));

    [Fact]
    public void EveryCliInputTypeWithInitOnlyDefaults_IsRegistered()
    {
        CliJsonContext.RegisterDefaults();
        Assert.Empty(Unregistered(BudgetInput.JsonOptions, typeof(BudgetInput)));
        Assert.Empty(Unregistered(CommunityReport.JsonOptions, typeof(CommunityRoiInputs)));
        var channels = new JsonSerializerOptions { TypeInfoResolver = CliJsonContext.Default };
        Assert.Empty(Unregistered(channels, typeof(ChannelsInput)));
    }

    [Fact]
    public void AnEmptyObject_ReadsAsTheTypesDefaults()
    {
        // Omitted everywhere: the declared defaults (the source article's setting), not zeros and nulls.
        Assert.Equal(new CampaignScenario(), CampaignScenario.Parse("{}"));
        Assert.Equal(new CampaignScenario(), CampaignScenario.Parse(new CampaignScenario().ToJson()));
    }

    [Fact]
    public void AnOmittedNestedProperty_KeepsItsDeclaredDefault()
    {
        // maxLag defaults to 12 and actionRate to the channel-activation default; a 0 here would be the source-generated metadata's.
        var json = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(new CampaignScenario().ToJson())!;
        var first = (System.Text.Json.Nodes.JsonObject)json["channels"]![0]!;
        first.Remove("actionRate");
        first["adstock"] = new System.Text.Json.Nodes.JsonObject { ["alpha"] = 0.3 };
        ScenarioChannel channel = CampaignScenario.Parse(json.ToJsonString()).Channels[0];
        Assert.Equal(12, channel.Adstock!.MaxLag);
        Assert.Equal(new ScenarioChannel().ActionRate, channel.ActionRate);
        Assert.NotEqual(0, channel.ActionRate);
    }

    [Fact]
    public void UnregisteredTypeWithInitOnlyDefaults_IsAProgrammingError()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = MetadataTestContext.Default };
        Assert.Throws<InvalidOperationException>(() => JsonDefaults.Deserialize<Unregistered>(new System.Text.Json.Nodes.JsonObject(), options));
    }

    /// <summary>Object types reachable from <paramref name="root"/> that have a non-required init-only property and no registered factory.</summary>
    private static List<string> Unregistered(JsonSerializerOptions options, Type root)
    {
        var seen = new HashSet<Type>();
        var missing = new List<string>();
        var pending = new Stack<Type>([root]);
        while (pending.Count > 0)
        {
            Type type = pending.Pop();
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(object))
            {
                continue;
            }

            JsonTypeInfo info = options.GetTypeInfo(type);
            if (info.ElementType is { } element)
            {
                pending.Push(element);
            }

            if (info.Kind != JsonTypeInfoKind.Object)
            {
                continue;
            }

            if (info.Properties.Any(p => p.AssociatedParameter is { IsMemberInitializer: true } && !p.IsRequired) && !JsonDefaults.HasFactory(type))
            {
                missing.Add(type.FullName!);
            }

            foreach (JsonPropertyInfo property in info.Properties)
            {
                pending.Push(property.PropertyType);
            }
        }

        return missing;
    }
}

/// <summary>A type nobody registers.</summary>
public sealed record Unregistered
{
    /// <summary>Declared default 7.</summary>
    public int Value { get; init; } = 7;
}

/// <summary>Metadata for <see cref="Unregistered"/>.</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(Unregistered))]
internal sealed partial class MetadataTestContext : System.Text.Json.Serialization.JsonSerializerContext;
