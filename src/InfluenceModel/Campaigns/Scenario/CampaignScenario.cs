using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfluenceModel.Budgeting;
using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// A campaign as JSON: a thin mapping onto the domain objects a <see cref="CampaignBuilder"/> takes (camelCase,
/// <see cref="SchemaVersion"/> 2, schema in <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/campaign-scenario.schema.json">docs/campaign-scenario.schema.json</see>). Most sections <i>are</i> domain types
/// (<see cref="CampaignPhase"/>, <see cref="ConsumerPopulation"/>, <see cref="AmbassadorProgram"/>,
/// <see cref="CampaignBudget"/>, <see cref="OpportunityProcess"/>, <see cref="Budgeting.Strategy"/>,
/// <see cref="SimulationOptions"/>); the channels, the influence model and the community are small mappings onto
/// <c>Channel</c>/<see cref="ChannelActivation"/>, a <c>DiffusionModel</c> and <c>CommunityRoiInputs</c>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Bounds and defaults live on the domain types, once.</b> A property omitted inside a section takes its type's
/// default; an omitted section takes the source article's setting (<see cref="Default"/>, <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/campaign.md">docs/models/campaign.md</see> gives
/// the source of each number). Reading runs the domain types' own guards; <see cref="Validate(string)"/> reports every
/// failure with its JSON path (<c>$.channels[2].response.kappa must be a finite number &gt; 0; it was -1</c>), and so do
/// <see cref="Parse"/>/<see cref="Load(string)"/> (as a <see cref="ScenarioValidationException"/>) and
/// <see cref="Build"/>.
/// </para>
/// <para>
/// <b>Simulation settings</b>: <see cref="Simulation"/> is the scenario's own <see cref="SimulationOptions"/> (the article:
/// 40 runs, seed 2009). The simulator never reads it: pass it (<c>CampaignSimulator.Simulate(campaign,
/// scenario.Simulation)</c>), as <c>influence run</c> does. Its seed is also the campaign's planning seed.
/// </para>
/// <para>Immutable and thread-safe; records compare by value, lists included: load → save → load gives an equal scenario.</para>
/// </remarks>
public sealed record CampaignScenario
{
    /// <summary>The only schema version this library reads and writes: 2.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The schema version of the JSON; must be <see cref="CurrentSchemaVersion"/>. Default 2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not <see cref="CurrentSchemaVersion"/>.</exception>
    public int SchemaVersion
    {
        get;
        init => field = value == CurrentSchemaVersion
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SchemaVersion), value,
                $"SchemaVersion must be {CurrentSchemaVersion}; it was {value} (schema 1 files: see https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/campaign.md, \"Scenario schema 2\").");
    } = CurrentSchemaVersion;

    /// <summary>Display name. Non-empty.</summary>
    public string Name { get; init; } = "Social influence campaign: the source article setting";

    /// <summary>The strategy the budget serves.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public Strategy Strategy
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Strategy), "Strategy is required: a budget cannot exist without a strategy.");
    } = ArticleSetting.Strategy;

    /// <summary>Lifecycle phases in order; their lengths add up to the campaign's periods (months in the article).</summary>
    /// <exception cref="ArgumentNullException">The list or an element is null.</exception>
    public IReadOnlyList<CampaignPhase> Phases
    {
        get;
        init => field = NotNull(value, nameof(Phases));
    } = ArticleSetting.Phases;

    /// <summary>The consumers, their segments and their network.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ConsumerPopulation Population
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Population));
    } = new();

    /// <summary>The candidate channels; the campaign uses at most <see cref="CampaignBudget.MaxChannels"/> of them.</summary>
    /// <exception cref="ArgumentNullException">The list or an element is null.</exception>
    public IReadOnlyList<ScenarioChannel> Channels
    {
        get;
        init => field = NotNull(value, nameof(Channels));
    } = ArticleSetting.Channels;

    /// <summary>The employee brand-ambassador program.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public AmbassadorProgram Ambassadors
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Ambassadors));
    } = new();

    /// <summary>Budget, reserve, channel cap and the value of an adoption.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public CampaignBudget Budget
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Budget));
    } = new();

    /// <summary>The short-term opportunities the reserve can fund.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public OpportunityProcess Opportunities
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Opportunities));
    } = ArticleSetting.Opportunities;

    /// <summary>Network influence between consumers.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ScenarioInfluence Influence
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Influence));
    } = ArticleSetting.Influence;

    /// <summary>The user community.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ScenarioCommunity Community
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Community));
    } = ArticleSetting.Community;

    /// <summary>The scenario's own simulation options (runs, seed, parallelism); its seed is also the planning seed.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public SimulationOptions Simulation
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(Simulation));
    } = ArticleSetting.Simulation;

    /// <summary>The source article's setting: <c>new CampaignScenario()</c>.</summary>
    public static CampaignScenario Default { get; } = new();

    /// <summary>Reads a scenario from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scenario (rules between its parts are checked by <see cref="Validate()"/> and <see cref="Build"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">Malformed JSON, not UTF-8, larger than 16 MiB, a key given twice in one object, a lone surrogate escape, or not an object; the message starts with the JSON path or the line and column.</exception>
    /// <exception cref="ScenarioValidationException">An unknown property, a wrong type or a value its domain type rejects; every one is listed with its JSON path.</exception>
    public static CampaignScenario Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return FromNode(JsonInput.Parse(json));
    }

    /// <summary>Reads a scenario from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="JsonException">Malformed JSON, not UTF-8, larger than 16 MiB, a key given twice in one object, a lone surrogate escape, or not an object; the message starts with the JSON path or the line and column.</exception>
    /// <exception cref="ScenarioValidationException">An unknown property, a wrong type or a value its domain type rejects.</exception>
    public static CampaignScenario Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return FromNode(JsonInput.Parse(JsonInput.ReadAll(utf8Json)));
    }

    /// <summary>Reads a scenario from a JSON file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="JsonException">Malformed JSON, not UTF-8, larger than 16 MiB, a key given twice in one object, a lone surrogate escape, or not an object; the message starts with the JSON path or the line and column.</exception>
    /// <exception cref="ScenarioValidationException">An unknown property, a wrong type or a value its domain type rejects.</exception>
    public static CampaignScenario Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Every problem of a scenario document, each with its JSON path: unknown properties, wrong types, values a
    /// domain type rejects and broken rules between the parts; empty when the scenario builds.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The problems, in document order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">Malformed JSON, not UTF-8, a key given twice in one object or a lone surrogate escape.</exception>
    public static IReadOnlyList<ScenarioProblem> Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return Parse(json).Validate();
        }
        catch (ScenarioValidationException ex)
        {
            return ex.Problems;
        }
    }

    /// <summary>Checks the rules between the parts (the parts checked themselves when they were made) and the mapping
    /// of the channels, influence model and community onto their domain types; every problem with its JSON path.</summary>
    /// <returns>The problems; empty when <see cref="Build"/> will succeed.</returns>
    public IReadOnlyList<ScenarioProblem> Validate() => ScenarioMapping.Map(this, new CampaignBuilder());

    /// <summary>Maps the scenario onto <paramref name="builder"/> (for a host's models: <c>new CampaignBuilder(selector, maximizer)</c>).</summary>
    /// <param name="builder">The builder to fill; null for a new one with the library's models.</param>
    /// <returns>The builder, ready to <see cref="CampaignBuilder.Build"/>.</returns>
    /// <exception cref="ScenarioValidationException">The scenario has problems; all of them are listed with their JSON paths.</exception>
    public CampaignBuilder ToBuilder(CampaignBuilder? builder = null)
    {
        builder ??= new CampaignBuilder();
        IReadOnlyList<ScenarioProblem> problems = ScenarioMapping.Map(this, builder);
        return problems.Count > 0 ? throw new ScenarioValidationException(problems) : builder;
    }

    /// <summary>Builds the campaign: <c>ToBuilder().Build(cancellationToken)</c>.</summary>
    /// <param name="cancellationToken">Cancels the planning.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="ScenarioValidationException">The scenario has problems; all of them are listed with their JSON paths.</exception>
    /// <exception cref="ArgumentException">The channels cannot be planned within the channel budget.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public Campaign Build(CancellationToken cancellationToken = default) => ToBuilder().Build(cancellationToken).BuiltFrom(this);

    /// <summary>The scenario as indented camelCase JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, ScenarioJson.Options.GetTypeInfo(typeof(CampaignScenario)));

    /// <summary>Writes the scenario as JSON to <paramref name="path"/> (UTF-8, no byte-order mark).</summary>
    /// <param name="path">The file path; its folder must exist.</param>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        File.WriteAllText(path, ToJson() + Environment.NewLine, new UTF8Encoding(false));
    }

    private static CampaignScenario FromNode(JsonNode? node)
    {
        if (node is not JsonObject)
        {
            throw new JsonException($"$ must be a JSON object ({{ … }}); it was {JsonInput.Shown(node)}", "$", null, null);
        }

        var problems = new ScenarioProblems();
        ScenarioJson.Check(node, typeof(CampaignScenario), "$", problems);
        if (problems.Items.Count > 0)
        {
            throw new ScenarioValidationException(problems.Items);
        }

        return JsonDefaults.Deserialize<CampaignScenario>(node, ScenarioJson.Options) ?? throw new JsonException("The scenario JSON is null.");
    }

    private static ValueList<T> NotNull<T>(IReadOnlyList<T> value, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        for (int i = 0; i < value.Count; i++)
        {
            if (value[i] is null)
            {
                throw new ArgumentNullException($"{name}[{i}]", $"{name}[{i}] is required.");
            }
        }

        return ValueList<T>.From(value)!;
    }
}
