using InfluenceModel.Channels;
using InfluenceModel.Community;
using InfluenceModel.Diffusion;
using InfluenceModel.Opinions;

namespace InfluenceModel.Campaigns;

/// <summary>
/// Maps a <see cref="CampaignScenario"/> onto a <see cref="CampaignBuilder"/>: each part is made from its domain type
/// independently, so every failure of a domain guard is reported with its JSON path, and then the builder's rules
/// between the parts are reported the same way. Adding a scenario parameter is one line here (and one property on the
/// scenario type that holds it).
/// </summary>
internal static class ScenarioMapping
{
    /// <summary>Kelman properties whose JSON names differ.</summary>
    private static readonly Dictionary<string, string> KelmanNames = new(StringComparer.Ordinal) { ["MaxPeriods"] = "roundsPerPeriod" };

    /// <summary>Community inputs whose JSON names differ.</summary>
    private static readonly Dictionary<string, string> CommunityNames = new(StringComparer.Ordinal) { ["CommunityFixedCostPerPeriod"] = "fixedCostPerPeriod" };

    /// <summary>Builder member paths whose JSON names differ.</summary>
    private static readonly Dictionary<string, string> BuilderNames = new(StringComparer.Ordinal) { ["Curve"] = "response" };

    /// <summary>Maps <paramref name="scenario"/> onto <paramref name="builder"/>; returns every problem (the builder is complete only when there is none).</summary>
    public static IReadOnlyList<ScenarioProblem> Map(CampaignScenario scenario, CampaignBuilder builder)
    {
        var problems = new ScenarioProblems();
        problems.Try("$", () => builder.WithName(scenario.Name));
        builder.WithStrategy(scenario.Strategy)
            .WithPopulation(scenario.Population)
            .WithAmbassadors(scenario.Ambassadors)
            .WithBudget(scenario.Budget)
            .WithOpportunities(scenario.Opportunities)
            .WithPlanningSeed(scenario.Simulation.Seed);
        foreach (CampaignPhase phase in scenario.Phases)
        {
            builder.AddPhase(phase);
        }

        for (int i = 0; i < scenario.Channels.Count; i++)
        {
            if (MapChannel(problems, $"$.channels[{i}]", scenario.Channels[i]) is ({ } channel, var activation))
            {
                builder.AddChannel(channel, activation);
            }
        }

        if (MapInfluence(problems, "$.influence", scenario.Influence) is { } influence)
        {
            builder.WithInfluence(influence);
        }

        MapCommunity(problems, "$.community", scenario.Community, builder);
        foreach (ArgumentException problem in builder.Problems())
        {
            // A channel that failed to map is missing from the builder: its index there is not the scenario's.
            if (problems.Items.Exists(p => p.Path.StartsWith("$.channels[", StringComparison.Ordinal)) && problem.ParamName?.StartsWith("Channels", StringComparison.Ordinal) == true)
            {
                continue;
            }

            problems.Add("$", problem, BuilderNames);
        }

        return problems.Items;
    }

    /// <summary>The channel and its activation, each made by its domain type; a null channel when a part fails.</summary>
    public static (Channel? Channel, ChannelActivation Activation) MapChannel(ScenarioProblems problems, string at, ScenarioChannel c)
    {
        IResponseCurve? curve = c.Response is null ? Missing(problems, at + ".response") : MapCurve(problems, at + ".response", c.Response);
        IAdstock? adstock = c.Adstock is { } a ? problems.Try(at + ".adstock", () => new GeometricAdstock(a.Alpha, a.MaxLag)) : null;
        ChannelActivation activation = problems.Apply(at, ChannelActivation.Default, null,
            x => x with { ActionRate = c.ActionRate },
            x => x with { ReviewCredibility = c.ReviewCredibility });
        if (curve is null || (c.Adstock is not null && adstock is null))
        {
            return (null, activation);
        }

        return (problems.Try(at, () => new Channel(c.Name, c.Audience, c.FixedCost, curve, adstock, c.Fatigue)), activation);
    }

    private static IResponseCurve? Missing(ScenarioProblems problems, string path)
    {
        problems.Add(path, "is required");
        return null;
    }

    private static IResponseCurve? MapCurve(ScenarioProblems problems, string at, ScenarioCurve r)
    {
        (string Name, double? Value)[] all = [("beta", r.Beta), ("kappa", r.Kappa), ("slope", r.Slope), ("alpha", r.Alpha), ("lambda", r.Lambda)];
        string[] uses = r.Kind switch
        {
            ResponseCurveKind.Hill => ["beta", "kappa", "slope"],
            ResponseCurveKind.Logistic => ["beta", "lambda"],
            ResponseCurveKind.MichaelisMenten => ["alpha", "lambda"],
            _ => [],
        };
        if (uses.Length == 0)
        {
            problems.Add(at + ".kind", $"must be hill, logistic or michaelisMenten; it was {(int)r.Kind}");
            return null;
        }

        bool complete = true;
        foreach ((string name, double? value) in all)
        {
            if (value is null && uses.Contains(name))
            {
                problems.Add($"{at}.{name}", $"is required for a {r.Kind} curve");
                complete = false;
            }
            else if (value is not null && !uses.Contains(name))
            {
                problems.Add($"{at}.{name}", $"is not a parameter of a {r.Kind} curve (its parameters: {string.Join(", ", uses)})");
                complete = false;
            }
        }

        return !complete ? null : problems.Try<IResponseCurve>(at, () => r.Kind switch
        {
            ResponseCurveKind.Hill => new HillCurve(r.Beta!.Value, r.Kappa!.Value, r.Slope!.Value),
            ResponseCurveKind.Logistic => new LogisticCurve(r.Beta!.Value, r.Lambda!.Value),
            _ => new MichaelisMentenCurve(r.Alpha!.Value, r.Lambda!.Value),
        });
    }

    /// <summary>The influence model, made by its domain type.</summary>
    public static DiffusionModel? MapInfluence(ScenarioProblems problems, string at, ScenarioInfluence s)
    {
        bool wordOfMouth = s.Model is InfluenceModelKind.Sir or InfluenceModelKind.Sis;
        if (s.Model != InfluenceModelKind.Kelman)
        {
            (string Name, object? Value)[] kelmanOnly =
            [
                ("identification", s.Identification), ("internalizationThreshold", s.InternalizationThreshold), ("stubbornness", s.Stubbornness),
                ("reversibleCompliance", s.ReversibleCompliance), ("attitudeTolerance", s.AttitudeTolerance),
            ];
            foreach ((string name, object? value) in kelmanOnly.Where(k => k.Value is not null))
            {
                problems.Add(at + "." + name, "applies to the kelman model only");
            }

            if (!wordOfMouth && s.RoundsPerPeriod is not null)
            {
                problems.Add(at + ".roundsPerPeriod", "applies to the kelman, sir and sis models only");
            }
        }

        if (!wordOfMouth)
        {
            foreach ((string name, object? value) in ((string, object?)[])[("transmission", s.Transmission), ("recovery", s.Recovery), ("perArcTransmission", s.PerArcTransmission)])
            {
                if (value is not null)
                {
                    problems.Add(at + "." + name, "applies to the sir and sis models only");
                }
            }
        }
        else if (s.PerArcTransmission == true && s.Transmission is not null)
        {
            problems.Add(at + ".transmission", "is not used with perArcTransmission (each tie tells with its peer-influence weight); leave one of them out");
        }

        return s.Model switch
        {
            InfluenceModelKind.IndependentCascade => new IndependentCascade(),
            InfluenceModelKind.LinearThreshold => new LinearThreshold(),
            InfluenceModelKind.Kelman => problems.Apply(at, new KelmanInfluence(), KelmanNames,
                k => s.Identification is { } v ? Copy(k, identification: v) : k,
                k => s.InternalizationThreshold is { } v ? Copy(k, internalization: v) : k,
                k => s.Stubbornness is { } v ? Copy(k, stubbornness: v) : k,
                k => s.RoundsPerPeriod is { } v ? Copy(k, maxPeriods: v) : k,
                k => s.ReversibleCompliance is { } v ? Copy(k, reversible: v) : k,
                k => s.AttitudeTolerance is { } v ? Copy(k, tolerance: v) : k),
            InfluenceModelKind.Sir => MapWordOfMouth(problems, at, s, new SirWordOfMouth()),
            InfluenceModelKind.Sis => MapWordOfMouth(problems, at, s, new SisWordOfMouth()),
            _ => Undefined(problems, at, s.Model),
        };
    }

    /// <summary>SIR or SIS word of mouth as <see cref="OpinionInfluence"/>, each property set by its domain type.</summary>
    private static OpinionInfluence MapWordOfMouth(ScenarioProblems problems, string at, ScenarioInfluence s, WordOfMouthModel start)
    {
        WordOfMouthModel model = problems.Apply(at, start, null,
            m => s.Transmission is { } v ? m with { Transmission = v } : m,
            m => s.Recovery is { } v ? m with { Recovery = v } : m,
            m => s.PerArcTransmission is { } v ? m with { PerArcTransmission = v } : m);
        return problems.Apply(at, new OpinionInfluence(model), null,
            m => s.RoundsPerPeriod is { } v ? new OpinionInfluence(model) { RoundsPerPeriod = v, AdoptionThreshold = m.AdoptionThreshold } : m);
    }

    private static DiffusionModel? Undefined(ScenarioProblems problems, string at, InfluenceModelKind kind)
    {
        problems.Add(at + ".model", $"must be kelman, linearThreshold, independentCascade, sir or sis; it was {(int)kind}");
        return null;
    }

    /// <summary>A copy of a Kelman model with one property changed (the model is a class with init properties, not a record).</summary>
    private static KelmanInfluence Copy(
        KelmanInfluence k, double? identification = null, double? internalization = null, double? stubbornness = null,
        int? maxPeriods = null, bool? reversible = null, double? tolerance = null) => new()
        {
            Identification = identification ?? k.Identification,
            InternalizationThreshold = internalization ?? k.InternalizationThreshold,
            Stubbornness = stubbornness ?? k.Stubbornness,
            MaxPeriods = maxPeriods ?? k.MaxPeriods,
            ReversibleCompliance = reversible ?? k.ReversibleCompliance,
            AttitudeTolerance = tolerance ?? k.AttitudeTolerance,
        };

    /// <summary>Sets the community on <paramref name="builder"/>, each input made by its domain type.</summary>
    public static void MapCommunity(ScenarioProblems problems, string at, ScenarioCommunity s, CampaignBuilder builder)
    {
        CommunityRoiInputs inputs = problems.Apply(at, CommunityRoiInputs.Default, CommunityNames,
            x => s.QuestionsPerCustomer is { } v ? x with { QuestionsPerCustomer = v } : x,
            x => s.CostPerTicket is { } v ? x with { CostPerTicket = v } : x,
            x => s.FixedCostPerPeriod is { } v ? x with { CommunityFixedCostPerPeriod = v } : x,
            x => s.LaunchCost is { } v ? x with { LaunchCost = v } : x,
            x => s.DiscountRate is { } v ? x with { DiscountRate = v } : x);
        problems.Try(at, () => builder.WithCommunity(inputs, s.JoinShare));
    }
}
