using System.Globalization;
using InfluenceModel.Budgeting;
using InfluenceModel.Community;

namespace InfluenceModel.Campaigns;

/// <summary>
/// Every rule a <see cref="CampaignScenario"/> must satisfy. Collects all problems (never stops at the first), each
/// with its JSON path in the scenario's camelCase names. docs/models/campaign.md lists the rules.
/// </summary>
internal static class ScenarioValidator
{
    public const int MaxPeriods = 520;
    public const int MaxConsumers = 10_000_000;
    public const int MaxSimulations = 100_000;
    public const int MaxLag = 52;

    /// <summary>The budget plan's line for the ambassador program; no channel may use the name.</summary>
    public const string AmbassadorProgram = "ambassador program";

    public static IReadOnlyList<ScenarioProblem> Validate(CampaignScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var v = new Collector();
        if (scenario.SchemaVersion != CampaignScenario.CurrentSchemaVersion)
        {
            v.Add("$.schemaVersion", $"must be {CampaignScenario.CurrentSchemaVersion}; it was {scenario.SchemaVersion}");
        }

        v.Text("$.name", scenario.Name);
        Strategy(v, scenario.Strategy);
        Phases(v, scenario.Phases);
        int segments = Population(v, scenario.Population);
        Channels(v, scenario.Channels, segments);
        Ambassadors(v, scenario);
        Budget(v, scenario);
        Influence(v, scenario.Influence);
        Community(v, scenario.Community);
        if (v.NotNull("$.simulation", scenario.Simulation) is { } simulation)
        {
            v.Range("$.simulation.simulations", simulation.Simulations, 1, MaxSimulations);
        }

        return v.Problems;
    }

    private static void Strategy(Collector v, StrategySettings? strategy)
    {
        if (v.NotNull("$.strategy", strategy, "is required: a budget cannot exist without a strategy") is { } s)
        {
            v.Text("$.strategy.objective", s.Objective);
            v.Text("$.strategy.audience", s.Audience);
            v.Text("$.strategy.kpi", s.Kpi);
        }
    }

    private static void Phases(Collector v, IReadOnlyList<PhaseSettings>? phases)
    {
        if (v.NotEmpty("$.phases", phases) is not { } list)
        {
            return;
        }

        long total = 0;
        CampaignPhaseKind? previous = null;
        for (int i = 0; i < list.Count; i++)
        {
            string at = $"$.phases[{i}]";
            if (v.NotNull(at, list[i]) is not { } phase)
            {
                continue;
            }

            v.Text(at + ".name", phase.Name);
            if (!Enum.IsDefined(phase.Kind))
            {
                v.Add(at + ".kind", $"must be preLaunch, launch, sustain or postCampaign; it was {(int)phase.Kind}");
            }
            else if (previous is { } p && phase.Kind < p)
            {
                v.Add(at + ".kind", $"must not come before the previous phase's kind {Name(p)} (lifecycle order: preLaunch, launch, sustain, postCampaign); it was {Name(phase.Kind)}");
            }
            else
            {
                previous = phase.Kind;
            }

            v.Range(at + ".periods", phase.Periods, 1, MaxPeriods);
            v.NonNegative(at + ".spendWeight", phase.SpendWeight);
            total += Math.Max(0, phase.Periods);
        }

        double weights = 0;
        foreach (PhaseSettings? phase in list)
        {
            weights += phase is not null && double.IsFinite(phase.SpendWeight) ? Math.Max(0, phase.SpendWeight) * Math.Max(0, phase.Periods) : 0;
        }

        if (weights <= 0)
        {
            v.Add("$.phases", "must give at least one period a spendWeight > 0");
        }

        if (total > MaxPeriods)
        {
            v.Add("$.phases", $"must add up to at most {MaxPeriods} periods; they add up to {total}");
        }
    }

    private static int Population(Collector v, PopulationSettings? population)
    {
        if (v.NotNull("$.population", population) is not { } p)
        {
            return -1;
        }

        v.Range("$.population.consumers", p.Consumers, 10, MaxConsumers);
        if (!double.IsFinite(p.AverageDegree) || p.AverageDegree <= 0 || p.AverageDegree >= Math.Max(p.Consumers, 1))
        {
            v.Add("$.population.averageDegree", $"must be > 0 and < consumers ({p.Consumers}); it was {F(p.AverageDegree)}");
        }

        v.Unit("$.population.homophily", p.Homophily);
        if (!double.IsFinite(p.OrganicAdoptionRate) || p.OrganicAdoptionRate < 0 || p.OrganicAdoptionRate >= 1)
        {
            v.Add("$.population.organicAdoptionRate", $"must be in [0, 1); it was {F(p.OrganicAdoptionRate)}");
        }

        if (v.NotEmpty("$.population.segments", p.Segments) is not { } segments)
        {
            return -1;
        }

        double shares = 0;
        bool sharesValid = true;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < segments.Count; i++)
        {
            string at = $"$.population.segments[{i}]";
            if (v.NotNull(at, segments[i]) is not { } segment)
            {
                sharesValid = false;
                continue;
            }

            v.UniqueName(at + ".name", segment.Name, names);
            if (!double.IsFinite(segment.Share) || segment.Share <= 0 || segment.Share > 1)
            {
                v.Add(at + ".share", $"must be in (0, 1]; it was {F(segment.Share)}");
                sharesValid = false;
            }

            shares += segment.Share;
            v.Unit(at + ".reviewReliance", segment.ReviewReliance);
        }

        if (sharesValid && Math.Abs(shares - 1) > 1e-6)
        {
            v.Add("$.population.segments", $"shares must add up to 1; they add up to {F(shares)}");
        }

        return segments.Count;
    }

    private static void Channels(Collector v, IReadOnlyList<ChannelSettings>? channels, int segments)
    {
        if (v.NotEmpty("$.channels", channels) is not { } list)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            string at = $"$.channels[{i}]";
            if (v.NotNull(at, list[i]) is not { } c)
            {
                continue;
            }

            v.UniqueName(at + ".name", c.Name, names);
            if (string.Equals(c.Name, AmbassadorProgram, StringComparison.Ordinal))
            {
                v.Add(at + ".name", $"must not be '{AmbassadorProgram}' (the budget plan's line for the ambassador program)");
            }

            if (v.NotNull(at + ".audience", c.Audience) is { } audience)
            {
                if (segments >= 0 && audience.Count != segments)
                {
                    v.Add(at + ".audience", $"must have one share per segment ({segments}); it has {audience.Count}");
                }

                for (int g = 0; g < audience.Count; g++)
                {
                    v.Unit($"{at}.audience[{g}]", audience[g]);
                }
            }

            v.NonNegative(at + ".fixedCost", c.FixedCost);
            v.Unit(at + ".actionRate", c.ActionRate);
            v.Unit(at + ".reviewCredibility", c.ReviewCredibility);
            Response(v, at + ".response", c.Response);
            if (v.NotNull(at + ".adstock", c.Adstock) is { } adstock)
            {
                if (!double.IsFinite(adstock.Alpha) || adstock.Alpha < 0 || adstock.Alpha >= 1)
                {
                    v.Add(at + ".adstock.alpha", $"must be in [0, 1); it was {F(adstock.Alpha)}");
                }

                v.Range(at + ".adstock.maxLag", adstock.MaxLag, 0, MaxLag);
            }

            if (v.NotNull(at + ".fatigue", c.Fatigue) is { } fatigue)
            {
                if (!double.IsFinite(fatigue.DeclinePerPeriod) || fatigue.DeclinePerPeriod < 0 || fatigue.DeclinePerPeriod >= 1)
                {
                    v.Add(at + ".fatigue.declinePerPeriod", $"must be in [0, 1); it was {F(fatigue.DeclinePerPeriod)}");
                }

                v.Unit(at + ".fatigue.floor", fatigue.Floor);
            }
        }
    }

    private static void Response(Collector v, string at, ResponseCurveSettings? response)
    {
        if (v.NotNull(at, response) is not { } r)
        {
            return;
        }

        if (!Enum.IsDefined(r.Kind))
        {
            v.Add(at + ".kind", $"must be hill, logistic or michaelisMenten; it was {(int)r.Kind}");
        }

        if (!double.IsFinite(r.Beta) || r.Beta <= 0 || r.Beta > 1)
        {
            v.Add(at + ".beta", $"must be in (0, 1] (a share of the audience); it was {F(r.Beta)}");
        }

        // Each family uses its own parameters; the others are ignored but must still be valid numbers.
        v.Positive(at + ".kappa", r.Kappa);
        v.Positive(at + ".slope", r.Slope);
        v.Positive(at + ".lambda", r.Lambda);
    }

    private static void Ambassadors(Collector v, CampaignScenario scenario)
    {
        if (v.NotNull("$.ambassadors", scenario.Ambassadors) is not { } a)
        {
            return;
        }

        int consumers = scenario.Population?.Consumers ?? int.MaxValue;
        v.Range("$.ambassadors.count", a.Count, 0, int.MaxValue);
        if (a.Employees < a.Count || a.Employees < 0 || a.Employees > consumers)
        {
            v.Add("$.ambassadors.employees", $"must be in [count ({a.Count}), consumers ({consumers})]; it was {a.Employees}");
        }

        v.NonNegative("$.ambassadors.costPerAmbassadorPerPeriod", a.CostPerAmbassadorPerPeriod);
    }

    private static void Budget(Collector v, CampaignScenario scenario)
    {
        if (v.NotNull("$.budget", scenario.Budget) is not { } b)
        {
            return;
        }

        v.NonNegative("$.budget.annualTotal", b.AnnualTotal);
        v.Unit("$.budget.reserveShare", b.ReserveShare);
        int channels = scenario.Channels?.Count ?? 0;
        if (b.MaxChannels < 1 || (channels > 0 && b.MaxChannels > channels))
        {
            v.Add("$.budget.maxChannels", $"must be in [1, number of channels ({channels})]; it was {b.MaxChannels}");
        }

        v.NonNegative("$.budget.valuePerAdoption", b.ValuePerAdoption);
        v.NonNegative("$.budget.hurdleRate", b.HurdleRate);
        if (v.NotNull("$.budget.opportunities", b.Opportunities) is { } o)
        {
            // The same bounds as OpportunityProcess, so a valid scenario always builds.
            v.NonNegative("$.budget.opportunities.arrivalRate", o.ArrivalRate, OpportunityProcess.MaxArrivalRate);
            v.Positive("$.budget.opportunities.costMedian", o.CostMedian);
            v.NonNegative("$.budget.opportunities.costSigma", o.CostSigma, OpportunityProcess.MaxSigma);
            v.Positive("$.budget.opportunities.valueMultipleMedian", o.ValueMultipleMedian);
            v.NonNegative("$.budget.opportunities.valueMultipleSigma", o.ValueMultipleSigma, OpportunityProcess.MaxSigma);
            v.Range("$.budget.opportunities.decisionWindow", o.DecisionWindow, 1, OpportunityProcess.MaxDecisionWindow);
        }

        // The ambassador program is paid from the committed (non-reserve) budget.
        if (scenario.Ambassadors is { } a && double.IsFinite(b.AnnualTotal) && b.AnnualTotal >= 0 && b.ReserveShare is >= 0 and <= 1
            && double.IsFinite(a.CostPerAmbassadorPerPeriod))
        {
            double program = a.Count * a.CostPerAmbassadorPerPeriod * scenario.TotalPeriods;
            double committed = b.AnnualTotal * (1 - b.ReserveShare);
            if (program > committed + 1e-9)
            {
                v.Add("$.ambassadors", $"program cost {F(program)} (count × costPerAmbassadorPerPeriod × periods) must not exceed the committed budget {F(committed)}");
            }
            else if (committed - program > 0 && scenario.Channels is { Count: > 0 } offered
                && !offered.Any(c => c is not null && double.IsFinite(c.FixedCost) && c.FixedCost <= committed - program))
            {
                // Otherwise no channel could be selected and the plan would have nothing to spend on.
                v.Add("$.channels", $"no channel's fixedCost fits the channel budget {F(committed - program)} (committed budget minus the ambassador program)");
            }
        }
    }

    private static void Influence(Collector v, InfluenceSettings? influence)
    {
        if (v.NotNull("$.influence", influence) is not { } i)
        {
            return;
        }

        if (!Enum.IsDefined(i.Model))
        {
            v.Add("$.influence.model", $"must be kelman, linearThreshold or independentCascade; it was {(int)i.Model}");
        }

        if (!double.IsFinite(i.Identification) || i.Identification < 1 || i.Identification > 100)
        {
            v.Add("$.influence.identification", $"must be in [1, 100]; it was {F(i.Identification)}");
        }

        if (!double.IsFinite(i.InternalizationThreshold) || i.InternalizationThreshold <= 0 || i.InternalizationThreshold > 2)
        {
            v.Add("$.influence.internalizationThreshold", $"must be in (0, 2]; it was {F(i.InternalizationThreshold)}");
        }

        if (!double.IsFinite(i.PeerInfluence) || i.PeerInfluence <= 0 || i.PeerInfluence > 1)
        {
            v.Add("$.influence.peerInfluence", $"must be in (0, 1]; it was {F(i.PeerInfluence)}");
        }

        v.Unit("$.influence.stubbornness", i.Stubbornness);
        v.Range("$.influence.roundsPerPeriod", i.RoundsPerPeriod, 1, 1000);
    }

    private static void Community(Collector v, CommunitySettings? community)
    {
        if (v.NotNull("$.community", community) is not { } c)
        {
            return;
        }

        v.Unit("$.community.joinShare", c.JoinShare);
        // The same bounds as CommunityRoiInputs, so a valid scenario never fails after the simulation.
        v.NonNegative("$.community.questionsPerCustomer", c.QuestionsPerCustomer, CommunityRoiInputs.MaxQuestions);
        v.NonNegative("$.community.costPerTicket", c.CostPerTicket, CommunityRoiInputs.MaxMoney);
        v.NonNegative("$.community.fixedCostPerPeriod", c.FixedCostPerPeriod, CommunityRoiInputs.MaxMoney);
    }

    private static string Name(CampaignPhaseKind kind) => kind switch
    {
        CampaignPhaseKind.PreLaunch => "preLaunch",
        CampaignPhaseKind.Launch => "launch",
        CampaignPhaseKind.Sustain => "sustain",
        _ => "postCampaign",
    };

    internal static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Collector
    {
        public List<ScenarioProblem> Problems { get; } = [];

        public void Add(string path, string message) => Problems.Add(new ScenarioProblem(path, message));

        public T? NotNull<T>(string path, T? value, string message = "is required")
            where T : class
        {
            if (value is null)
            {
                Add(path, message);
            }

            return value;
        }

        public IReadOnlyList<T>? NotEmpty<T>(string path, IReadOnlyList<T>? list)
        {
            if (list is null)
            {
                Add(path, "is required");
            }
            else if (list.Count == 0)
            {
                Add(path, "must not be empty");
                return null;
            }

            return list;
        }

        public void Text(string path, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, "must not be empty");
            }
        }

        public void UniqueName(string path, string? name, HashSet<string> seen)
        {
            Text(path, name);
            if (!string.IsNullOrWhiteSpace(name) && !seen.Add(name))
            {
                Add(path, $"must be unique; '{name}' appears more than once");
            }
        }

        public void NonNegative(string path, double value, double max = double.MaxValue)
        {
            if (!double.IsFinite(value) || value < 0)
            {
                Add(path, $"must be a finite number ≥ 0; it was {F(value)}");
            }
            else if (value > max)
            {
                Add(path, $"must be ≤ {F(max)}; it was {F(value)}");
            }
        }

        public void Positive(string path, double value)
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                Add(path, $"must be > 0; it was {F(value)}");
            }
        }

        public void Unit(string path, double value)
        {
            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                Add(path, $"must be in [0, 1]; it was {F(value)}");
            }
        }

        public void Range(string path, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                Add(path, max == int.MaxValue ? $"must be ≥ {min}; it was {value}" : $"must be in [{min}, {max}]; it was {value}");
            }
        }
    }
}
