using InfluenceModel.Campaigns;
using InfluenceModel.Channels;

namespace InfluenceModel.Tests.Campaigns;

/// <summary>Every validation rule, one row each: the mutation, the JSON path reported and a fragment of the message.</summary>
public sealed class ScenarioValidationTests
{
    private static readonly CampaignScenario D = CampaignScenario.Default;

    private static readonly Dictionary<string, (Func<CampaignScenario, CampaignScenario> Mutate, string Path, string Message)> Rules = new()
    {
        ["schemaVersion"] = (s => s with { SchemaVersion = 2 }, "$.schemaVersion", "must be 1"),
        ["name"] = (s => s with { Name = " " }, "$.name", "must not be empty"),
        ["strategy missing"] = (s => s with { Strategy = null! }, "$.strategy", "a budget cannot exist without a strategy"),
        ["strategy objective"] = (s => s with { Strategy = s.Strategy with { Objective = "" } }, "$.strategy.objective", "must not be empty"),
        ["strategy audience"] = (s => s with { Strategy = s.Strategy with { Audience = "" } }, "$.strategy.audience", "must not be empty"),
        ["strategy kpi"] = (s => s with { Strategy = s.Strategy with { Kpi = "" } }, "$.strategy.kpi", "must not be empty"),
        ["phases empty"] = (s => s with { Phases = [] }, "$.phases", "must not be empty"),
        ["phase name"] = (s => s with { Phases = [s.Phases[0] with { Name = "" }, .. s.Phases.Skip(1)] }, "$.phases[0].name", "must not be empty"),
        ["phase kind undefined"] = (s => s with { Phases = [s.Phases[0] with { Kind = (CampaignPhaseKind)9 }, .. s.Phases.Skip(1)] }, "$.phases[0].kind", "must be preLaunch"),
        ["phase order"] = (s => s with { Phases = [s.Phases[1], s.Phases[0], .. s.Phases.Skip(2)] }, "$.phases[1].kind", "lifecycle order"),
        ["phase periods"] = (s => s with { Phases = [s.Phases[0] with { Periods = 0 }, .. s.Phases.Skip(1)] }, "$.phases[0].periods", "must be in [1, 520]"),
        ["phase weight"] = (s => s with { Phases = [s.Phases[0] with { SpendWeight = -1 }, .. s.Phases.Skip(1)] }, "$.phases[0].spendWeight", "≥ 0"),
        ["phase weights all zero"] = (s => s with { Phases = [.. s.Phases.Select(p => p with { SpendWeight = 0 })] }, "$.phases", "spendWeight > 0"),
        ["phases too long"] = (s => s with { Phases = [.. s.Phases.Select(p => p with { Periods = 200 })] }, "$.phases", "at most 520 periods"),
        ["consumers"] = (s => s with { Population = s.Population with { Consumers = 5 } }, "$.population.consumers", "must be in [10, 10000000]"),
        ["average degree"] = (s => s with { Population = s.Population with { AverageDegree = 0 } }, "$.population.averageDegree", "must be > 0 and < consumers"),
        ["homophily"] = (s => s with { Population = s.Population with { Homophily = 1.5 } }, "$.population.homophily", "must be in [0, 1]"),
        ["organic rate"] = (s => s with { Population = s.Population with { OrganicAdoptionRate = 1 } }, "$.population.organicAdoptionRate", "must be in [0, 1)"),
        ["segments empty"] = (s => s with { Population = s.Population with { Segments = [] } }, "$.population.segments", "must not be empty"),
        ["segment name unique"] = (s => s with { Population = s.Population with { Segments = [s.Population.Segments[0], s.Population.Segments[0] with { Share = 0.78 }] }, Channels = [.. s.Channels.Select(c => c with { Audience = [0.5, 0.5] })] }, "$.population.segments[1].name", "must be unique"),
        ["segment share"] = (s => s with { Population = s.Population with { Segments = [s.Population.Segments[0] with { Share = 0 }, .. s.Population.Segments.Skip(1)] } }, "$.population.segments[0].share", "must be in (0, 1]"),
        ["segment shares sum"] = (s => s with { Population = s.Population with { Segments = [s.Population.Segments[0] with { Share = 0.5 }, .. s.Population.Segments.Skip(1)] } }, "$.population.segments", "add up to 1"),
        ["review reliance"] = (s => s with { Population = s.Population with { Segments = [s.Population.Segments[0] with { ReviewReliance = 2 }, .. s.Population.Segments.Skip(1)] } }, "$.population.segments[0].reviewReliance", "must be in [0, 1]"),
        ["channels empty"] = (s => s with { Channels = [] }, "$.channels", "must not be empty"),
        ["channel name unique"] = (s => s with { Channels = [s.Channels[0], s.Channels[0], .. s.Channels.Skip(2)] }, "$.channels[1].name", "must be unique"),
        ["reserved channel name"] = (s => s with { Channels = [s.Channels[0] with { Name = "ambassador program" }, .. s.Channels.Skip(1)] }, "$.channels[0].name", "must not be 'ambassador program'"),
        ["audience length"] = (s => s with { Channels = [s.Channels[0] with { Audience = [0.5] }, .. s.Channels.Skip(1)] }, "$.channels[0].audience", "one share per segment"),
        ["audience value"] = (s => s with { Channels = [s.Channels[0] with { Audience = [0.5, 1.5, 0.5] }, .. s.Channels.Skip(1)] }, "$.channels[0].audience[1]", "must be in [0, 1]"),
        ["fixed cost"] = (s => s with { Channels = [s.Channels[0] with { FixedCost = double.NaN }, .. s.Channels.Skip(1)] }, "$.channels[0].fixedCost", "≥ 0"),
        ["action rate"] = (s => s with { Channels = [s.Channels[0] with { ActionRate = -0.1 }, .. s.Channels.Skip(1)] }, "$.channels[0].actionRate", "must be in [0, 1]"),
        ["review credibility"] = (s => s with { Channels = [s.Channels[0] with { ReviewCredibility = 1.1 }, .. s.Channels.Skip(1)] }, "$.channels[0].reviewCredibility", "must be in [0, 1]"),
        ["response kind"] = (s => s with { Channels = [s.Channels[0] with { Response = new ResponseCurveSettings { Kind = (ResponseCurveKind)7 } }, .. s.Channels.Skip(1)] }, "$.channels[0].response.kind", "must be hill"),
        ["response beta"] = (s => s with { Channels = [s.Channels[0] with { Response = new ResponseCurveSettings { Beta = 1.2 } }, .. s.Channels.Skip(1)] }, "$.channels[0].response.beta", "must be in (0, 1]"),
        ["response kappa"] = (s => s with { Channels = [.. s.Channels.Take(2), s.Channels[2] with { Response = new ResponseCurveSettings { Kappa = -1 } }, .. s.Channels.Skip(3)] }, "$.channels[2].response.kappa", "must be > 0; it was -1"),
        ["response slope"] = (s => s with { Channels = [s.Channels[0] with { Response = new ResponseCurveSettings { Slope = 0 } }, .. s.Channels.Skip(1)] }, "$.channels[0].response.slope", "must be > 0"),
        ["response lambda"] = (s => s with { Channels = [s.Channels[0] with { Response = new ResponseCurveSettings { Lambda = 0 } }, .. s.Channels.Skip(1)] }, "$.channels[0].response.lambda", "must be > 0"),
        ["adstock alpha"] = (s => s with { Channels = [s.Channels[0] with { Adstock = new AdstockSettings { Alpha = 1 } }, .. s.Channels.Skip(1)] }, "$.channels[0].adstock.alpha", "must be in [0, 1)"),
        ["adstock lag"] = (s => s with { Channels = [s.Channels[0] with { Adstock = new AdstockSettings { MaxLag = 53 } }, .. s.Channels.Skip(1)] }, "$.channels[0].adstock.maxLag", "must be in [0, 52]"),
        ["fatigue decline"] = (s => s with { Channels = [s.Channels[0] with { Fatigue = new FatigueSettings { DeclinePerPeriod = 1 } }, .. s.Channels.Skip(1)] }, "$.channels[0].fatigue.declinePerPeriod", "must be in [0, 1)"),
        ["fatigue floor"] = (s => s with { Channels = [s.Channels[0] with { Fatigue = new FatigueSettings { Floor = -1 } }, .. s.Channels.Skip(1)] }, "$.channels[0].fatigue.floor", "must be in [0, 1]"),
        ["ambassador count"] = (s => s with { Ambassadors = s.Ambassadors with { Count = -1 } }, "$.ambassadors.count", "must be ≥ 0"),
        ["employees"] = (s => s with { Ambassadors = s.Ambassadors with { Employees = 10 } }, "$.ambassadors.employees", "must be in [count (25)"),
        ["ambassador cost"] = (s => s with { Ambassadors = s.Ambassadors with { CostPerAmbassadorPerPeriod = -5 } }, "$.ambassadors.costPerAmbassadorPerPeriod", "≥ 0"),
        ["ambassador program too costly"] = (s => s with { Ambassadors = s.Ambassadors with { CostPerAmbassadorPerPeriod = 1e6 } }, "$.ambassadors", "must not exceed the committed budget"),
        ["annual total"] = (s => s with { Budget = s.Budget with { AnnualTotal = double.PositiveInfinity } }, "$.budget.annualTotal", "≥ 0"),
        ["reserve share"] = (s => s with { Budget = s.Budget with { ReserveShare = 1.5 } }, "$.budget.reserveShare", "must be in [0, 1]"),
        ["max channels"] = (s => s with { Budget = s.Budget with { MaxChannels = 7 } }, "$.budget.maxChannels", "must be in [1, number of channels (6)]"),
        ["value per adoption"] = (s => s with { Budget = s.Budget with { ValuePerAdoption = -1 } }, "$.budget.valuePerAdoption", "≥ 0"),
        ["hurdle rate"] = (s => s with { Budget = s.Budget with { HurdleRate = -1 } }, "$.budget.hurdleRate", "≥ 0"),
        ["arrival rate"] = (s => s with { Budget = s.Budget with { Opportunities = s.Budget.Opportunities with { ArrivalRate = -1 } } }, "$.budget.opportunities.arrivalRate", "≥ 0"),
        ["cost median"] = (s => s with { Budget = s.Budget with { Opportunities = s.Budget.Opportunities with { CostMedian = 0 } } }, "$.budget.opportunities.costMedian", "must be > 0"),
        ["cost sigma"] = (s => s with { Budget = s.Budget with { Opportunities = s.Budget.Opportunities with { CostSigma = -1 } } }, "$.budget.opportunities.costSigma", "≥ 0"),
        ["value median"] = (s => s with { Budget = s.Budget with { Opportunities = s.Budget.Opportunities with { ValueMultipleMedian = 0 } } }, "$.budget.opportunities.valueMultipleMedian", "must be > 0"),
        ["value sigma"] = (s => s with { Budget = s.Budget with { Opportunities = s.Budget.Opportunities with { ValueMultipleSigma = -1 } } }, "$.budget.opportunities.valueMultipleSigma", "≥ 0"),
        ["decision window"] = (s => s with { Budget = s.Budget with { Opportunities = s.Budget.Opportunities with { DecisionWindow = 0 } } }, "$.budget.opportunities.decisionWindow", "must be in [1, 52]"),
        ["decision window above the process's"] = (s => s with { Budget = s.Budget with { Opportunities = s.Budget.Opportunities with { DecisionWindow = 60 } } }, "$.budget.opportunities.decisionWindow", "must be in [1, 52]"),
        ["cost sigma above the process's"] = (s => s with { Budget = s.Budget with { Opportunities = s.Budget.Opportunities with { CostSigma = 6 } } }, "$.budget.opportunities.costSigma", "must be ≤ 5"),
        ["arrival rate above the process's"] = (s => s with { Budget = s.Budget with { Opportunities = s.Budget.Opportunities with { ArrivalRate = 2000 } } }, "$.budget.opportunities.arrivalRate", "must be ≤ 1000"),
        ["questions above the model's"] = (s => s with { Community = s.Community with { QuestionsPerCustomer = 2000 } }, "$.community.questionsPerCustomer", "must be ≤ 1000"),
        ["no affordable channel"] = (s => s with { Channels = [.. s.Channels.Select(c => c with { FixedCost = 1e12 })] }, "$.channels", "no channel's fixedCost fits"),
        ["influence model"] = (s => s with { Influence = s.Influence with { Model = (InfluenceModelKind)5 } }, "$.influence.model", "must be kelman"),
        ["identification"] = (s => s with { Influence = s.Influence with { Identification = 0.5 } }, "$.influence.identification", "must be in [1, 100]"),
        ["internalization"] = (s => s with { Influence = s.Influence with { InternalizationThreshold = 0 } }, "$.influence.internalizationThreshold", "must be in (0, 2]"),
        ["peer influence"] = (s => s with { Influence = s.Influence with { PeerInfluence = 0 } }, "$.influence.peerInfluence", "must be in (0, 1]"),
        ["stubbornness"] = (s => s with { Influence = s.Influence with { Stubbornness = 2 } }, "$.influence.stubbornness", "must be in [0, 1]"),
        ["rounds"] = (s => s with { Influence = s.Influence with { RoundsPerPeriod = 0 } }, "$.influence.roundsPerPeriod", "must be in [1, 1000]"),
        ["join share"] = (s => s with { Community = s.Community with { JoinShare = 2 } }, "$.community.joinShare", "must be in [0, 1]"),
        ["questions"] = (s => s with { Community = s.Community with { QuestionsPerCustomer = -1 } }, "$.community.questionsPerCustomer", "≥ 0"),
        ["ticket cost"] = (s => s with { Community = s.Community with { CostPerTicket = -1 } }, "$.community.costPerTicket", "≥ 0"),
        ["community fixed cost"] = (s => s with { Community = s.Community with { FixedCostPerPeriod = -1 } }, "$.community.fixedCostPerPeriod", "≥ 0"),
        ["simulations"] = (s => s with { Simulation = new SimulationSettings { Simulations = 0 } }, "$.simulation.simulations", "must be in [1, 100000]"),
        ["null section"] = (s => s with { Community = null! }, "$.community", "is required"),
        ["null list element"] = (s => s with { Channels = [null!, .. s.Channels.Skip(1)] }, "$.channels[0]", "is required"),
    };

    public static TheoryData<string> RuleNames => [.. Rules.Keys];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void EveryRule_ReportsItsPathAndMessage(string rule)
    {
        (Func<CampaignScenario, CampaignScenario> mutate, string path, string message) = Rules[rule];
        IReadOnlyList<ScenarioProblem> problems = mutate(D).Validate();
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void KappaExample_FromTheIssue_ReadsAsOneLine()
    {
        ScenarioProblem problem = Assert.Single(Rules["response kappa"].Mutate(D).Validate());
        Assert.Equal("$.channels[2].response.kappa must be > 0; it was -1", problem.ToString());
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce()
    {
        CampaignScenario bad = D with
        {
            SchemaVersion = 0,
            Budget = D.Budget with { ReserveShare = -1, ValuePerAdoption = -1 },
            Influence = D.Influence with { Stubbornness = 3 },
        };
        IReadOnlyList<ScenarioProblem> problems = bad.Validate();
        Assert.Equal(["$.schemaVersion", "$.budget.reserveShare", "$.budget.valuePerAdoption", "$.influence.stubbornness"], problems.Select(p => p.Path));
    }

    [Fact]
    public void FromScenario_Invalid_ThrowsWithEveryProblem_AndBuildsNothing()
    {
        CampaignScenario bad = D with { SchemaVersion = 3, Budget = D.Budget with { ReserveShare = 2 } };
        var ex = Assert.Throws<ScenarioValidationException>(() => Campaign.FromScenario(bad));
        Assert.Equal(2, ex.Problems.Count);
        Assert.Equal("scenario", ex.ParamName);
        Assert.Contains("$.budget.reserveShare", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromScenario_Null_Throws() =>
        Assert.Equal("scenario", Assert.Throws<ArgumentNullException>(() => Campaign.FromScenario(null!)).ParamName);
}
