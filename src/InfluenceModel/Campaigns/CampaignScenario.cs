using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InfluenceModel.Channels;
using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// A campaign as data: everything <c>CampaignSimulator</c> needs, loaded from and saved to JSON
/// (camelCase, <see cref="SchemaVersion"/> 1, schema in docs/campaign-scenario.schema.json). Unknown JSON properties
/// are rejected; omitted properties keep their defaults, which are the source article's setting
/// (docs/models/campaign.md gives the source of each number).
/// </summary>
/// <remarks>
/// <para>
/// A scenario is plain data and its setters never throw: <see cref="Validate"/> reports every problem at once, each
/// with its JSON path (<c>$.channels[2].response.kappa must be &gt; 0; it was -1</c>), and
/// <c>Campaign.FromScenario</c> refuses an invalid scenario, so nothing runs on one. Records compare by value,
/// lists included: load → save → load gives an equal scenario.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record CampaignScenario
{
    /// <summary>The only schema version this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    private const string DefaultResource = "InfluenceModel.Campaigns.DefaultScenario.json";

    /// <summary>The schema version of the JSON; must be <see cref="CurrentSchemaVersion"/>. Default 1.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Display name. Non-empty.</summary>
    public string Name { get; init; } = "Social influence campaign: the source article setting";

    /// <summary>The strategy the budget serves.</summary>
    public StrategySettings Strategy { get; init; } = new();

    /// <summary>Lifecycle phases in order; their lengths add up to the campaign's periods (months by default).
    /// Default: pre-launch 2, launch 1, sustain 8, post-campaign 1.</summary>
    public IReadOnlyList<PhaseSettings> Phases
    {
        get;
        init => field = ValueList<PhaseSettings>.From(value)!;
    } = ValueList<PhaseSettings>.From(
    [
        new PhaseSettings { Name = "pre-launch", Kind = CampaignPhaseKind.PreLaunch, Periods = 2, SpendWeight = 0.5, AmbassadorsActive = false },
        new PhaseSettings { Name = "launch", Kind = CampaignPhaseKind.Launch, Periods = 1, SpendWeight = 2.5 },
        new PhaseSettings { Name = "sustain", Kind = CampaignPhaseKind.Sustain, Periods = 8, SpendWeight = 1 },
        new PhaseSettings { Name = "post-campaign", Kind = CampaignPhaseKind.PostCampaign, Periods = 1, SpendWeight = 0 },
    ])!;

    /// <summary>The consumers, their segments and their network.</summary>
    public PopulationSettings Population { get; init; } = new();

    /// <summary>The candidate channels; the campaign uses at most <see cref="BudgetSettings.MaxChannels"/> of them.
    /// Default: the article's Facebook page, CEO blog, wiki, MySpace page, YouTube channel and magazine websites.</summary>
    public IReadOnlyList<ChannelSettings> Channels
    {
        get;
        init => field = ValueList<ChannelSettings>.From(value)!;
    } = ValueList<ChannelSettings>.From(DefaultChannels())!;

    /// <summary>The employee brand-ambassador program.</summary>
    public AmbassadorSettings Ambassadors { get; init; } = new();

    /// <summary>Budget, reserve and the value of an adoption.</summary>
    public BudgetSettings Budget { get; init; } = new();

    /// <summary>Network influence between consumers.</summary>
    public InfluenceSettings Influence { get; init; } = new();

    /// <summary>The user community.</summary>
    public CommunitySettings Community { get; init; } = new();

    /// <summary>Monte-Carlo runs and seed.</summary>
    public SimulationSettings Simulation { get; init; } = new();

    /// <summary>Total number of periods: the sum of the phase lengths (0 when there are no phases). Not serialized.</summary>
    [JsonIgnore]
    public int TotalPeriods
    {
        get
        {
            int total = 0;
            foreach (PhaseSettings phase in Phases ?? [])
            {
                total += phase is null ? 0 : Math.Max(0, phase.Periods);
            }

            return total;
        }
    }

    /// <summary>The built-in default scenario (an embedded resource; equal to <c>new CampaignScenario()</c>).</summary>
    public static CampaignScenario Default { get; } = LoadDefault();

    /// <summary>Reads a scenario from JSON text. Does not validate the values; call <see cref="Validate"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">Malformed JSON, an unknown property, a wrong type or a null value (the message names the JSON path).</exception>
    public static CampaignScenario Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromNode(JsonNode.Parse(json, null, ReaderOptions));
    }

    /// <summary>Reads a scenario from a UTF-8 JSON stream. Does not validate the values; call <see cref="Validate"/>.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="JsonException">Malformed JSON, an unknown property, a wrong type or a null value.</exception>
    public static CampaignScenario Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return FromNode(JsonNode.Parse(utf8Json, null, ReaderOptions));
    }

    /// <summary>Reads a scenario from a JSON file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="JsonException">Malformed JSON, an unknown property, a wrong type or a null value.</exception>
    public static CampaignScenario Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>The scenario as indented camelCase JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, ScenarioJsonContext.Default.CampaignScenario);

    /// <summary>Writes the scenario as JSON to <paramref name="path"/> (UTF-8, no byte-order mark).</summary>
    /// <param name="path">The file path; its folder must exist.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, ToJson() + Environment.NewLine, new UTF8Encoding(false));
    }

    /// <summary>Checks every rule and returns every problem found, each with its JSON path; empty when valid.</summary>
    /// <returns>The problems, in document order.</returns>
    public IReadOnlyList<ScenarioProblem> Validate() => ScenarioValidator.Validate(this);

    private static readonly JsonDocumentOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Overlays the user's JSON on the complete default document (objects merged recursively; arrays replaced, each
    /// object element overlaid on a default element), then deserializes with the source-generated metadata. Overlaying
    /// keeps the default of every omitted property (source-generated init-only properties would otherwise get 0 or
    /// null); unknown properties, wrong types and nulls still fail with their JSON path.
    /// </summary>
    private static CampaignScenario FromNode(JsonNode? node)
    {
        if (node is not JsonObject user)
        {
            throw new JsonException("The scenario must be a JSON object.", "$", null, null);
        }

        JsonObject merged = JsonSerializer.SerializeToNode(new CampaignScenario(), ScenarioJsonContext.Default.CampaignScenario)!.AsObject();
        Overlay(merged, user, "");
        return merged.Deserialize(ScenarioJsonContext.Default.CampaignScenario)
            ?? throw new JsonException("The scenario JSON is null.");
    }

    private static void Overlay(JsonObject target, JsonObject source, string path)
    {
        foreach ((string name, JsonNode? value) in source)
        {
            string at = path.Length == 0 ? name : path + "." + name;
            if (value is JsonObject sourceObject && target[name] is JsonObject targetObject)
            {
                Overlay(targetObject, sourceObject, at);
            }
            else if (value is JsonArray array && ElementTemplate(at) is { } template)
            {
                var items = new JsonArray();
                foreach (JsonNode? item in array)
                {
                    if (item is JsonObject element)
                    {
                        JsonObject copy = template().AsObject();
                        Overlay(copy, element, at + "[]");
                        items.Add(copy);
                    }
                    else
                    {
                        items.Add(item?.DeepClone());
                    }
                }

                target[name] = items;
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }
    }

    private static Func<JsonNode>? ElementTemplate(string path) => path switch
    {
        "phases" => () => JsonSerializer.SerializeToNode(new PhaseSettings(), ScenarioJsonContext.Default.PhaseSettings)!,
        "channels" => () => JsonSerializer.SerializeToNode(new ChannelSettings(), ScenarioJsonContext.Default.ChannelSettings)!,
        "population.segments" => () => JsonSerializer.SerializeToNode(new SegmentSettings(), ScenarioJsonContext.Default.SegmentSettings)!,
        _ => null,
    };

    private static CampaignScenario LoadDefault()
    {
        using Stream stream = typeof(CampaignScenario).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResource} is missing.");
        return Load(stream);
    }

    private static ChannelSettings[] DefaultChannels() =>
    [
        new ChannelSettings
        {
            Name = "Facebook page", Audience = [0.55, 0.60, 0.65], FixedCost = 10_000, ActionRate = 0.02, ReviewCredibility = 0.2,
            Response = new ResponseCurveSettings { Kind = ResponseCurveKind.Hill, Beta = 0.5, Kappa = 8_000, Slope = 1 },
            Adstock = new AdstockSettings { Alpha = 0.3, MaxLag = 3 },
            Fatigue = new FatigueSettings { DeclinePerPeriod = 0.03, Floor = 0.6 },
        },
        new ChannelSettings
        {
            Name = "CEO blog", Audience = [0.10, 0.12, 0.08], FixedCost = 5_000, ActionRate = 0.28, ReviewCredibility = 0.4,
            Response = new ResponseCurveSettings { Kind = ResponseCurveKind.Hill, Beta = 0.6, Kappa = 4_000, Slope = 1 },
            Adstock = new AdstockSettings { Alpha = 0.5, MaxLag = 4 },
            Fatigue = new FatigueSettings { DeclinePerPeriod = 0.02, Floor = 0.7 },
        },
        new ChannelSettings
        {
            Name = "wiki", Audience = [0.30, 0.20, 0.08], FixedCost = 8_000, ActionRate = 0.05, ReviewCredibility = 0.8,
            Response = new ResponseCurveSettings { Kind = ResponseCurveKind.MichaelisMenten, Beta = 0.5, Kappa = 6_000 },
            Adstock = new AdstockSettings { Alpha = 0.6, MaxLag = 6 },
            Fatigue = new FatigueSettings { DeclinePerPeriod = 0.01, Floor = 0.8 },
        },
        new ChannelSettings
        {
            Name = "MySpace page", Audience = [0.15, 0.20, 0.30], FixedCost = 6_000, ActionRate = 0.01, ReviewCredibility = 0.1,
            Response = new ResponseCurveSettings { Kind = ResponseCurveKind.Hill, Beta = 0.4, Kappa = 8_000, Slope = 1 },
            Adstock = new AdstockSettings { Alpha = 0.2, MaxLag = 2 },
            Fatigue = new FatigueSettings { DeclinePerPeriod = 0.05, Floor = 0.4 },
        },
        new ChannelSettings
        {
            Name = "YouTube channel", Audience = [0.45, 0.50, 0.55], FixedCost = 15_000, ActionRate = 0.03, ReviewCredibility = 0.5,
            Response = new ResponseCurveSettings { Kind = ResponseCurveKind.Hill, Beta = 0.5, Kappa = 15_000, Slope = 1.5 },
            Adstock = new AdstockSettings { Alpha = 0.4, MaxLag = 4 },
            Fatigue = new FatigueSettings { DeclinePerPeriod = 0.04, Floor = 0.5 },
        },
        new ChannelSettings
        {
            Name = "magazine websites", Audience = [0.35, 0.30, 0.20], FixedCost = 0, ActionRate = 0.04, ReviewCredibility = 1.0,
            Response = new ResponseCurveSettings { Kind = ResponseCurveKind.Logistic, Beta = 0.4, Lambda = 0.0002 },
            Adstock = new AdstockSettings { Alpha = 0.2, MaxLag = 2 },
            Fatigue = new FatigueSettings { DeclinePerPeriod = 0.02, Floor = 0.7 },
        },
    ];
}
