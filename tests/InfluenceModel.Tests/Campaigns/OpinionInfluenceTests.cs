using InfluenceModel.Campaigns;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Opinions;

namespace InfluenceModel.Tests.Campaigns;

/// <summary>Opinion and word-of-mouth models as a campaign's word-of-mouth process (<see cref="OpinionInfluence"/>).</summary>
public sealed class OpinionInfluenceTests
{
    private static SimulationOptions Options(int simulations, int parallelism = -1) =>
        new() { Simulations = simulations, Seed = 21, MaxDegreeOfParallelism = parallelism };

    private static CampaignScenario WithInfluence(ScenarioInfluence influence, int consumers = 500) =>
        CampaignSimulatorTests.Small(consumers) with { Influence = influence };

    [Fact]
    public void SirWithRecoveryOne_IsTheIndependentCascadeWithUniformProbability_PerNode()
    {
        // The campaign's word-of-mouth plug on a campaign network whose ties all carry p: SIR (γ = 1, β = p) and IC give
        // every node the same adoption probability, within the Monte-Carlo error of two independent estimates.
        const double p = 0.08;
        const int runs = 6_000;
        SocialGraph graph = CampaignSimulatorTests.Small(400).Build().Network.WithEdgeProbabilities(EdgeProbabilities.Uniform(p));
        int[] seeds = [3, 50, 120, 260, 399];
        var sir = SpreadEstimator.Estimate(
            new SpreadRequest(graph, new OpinionInfluence(new SirWordOfMouth { Transmission = p, Recovery = 1 }), seeds) { IncludeActivationProbabilities = true },
            Options(runs) with { Seed = 1 });
        var ic = SpreadEstimator.Estimate(
            new SpreadRequest(graph, new IndependentCascade(), seeds) { IncludeActivationProbabilities = true },
            Options(runs) with { Seed = 2 });

        double bound = 4.5 * Math.Sqrt((sir.Spread.StandardError * sir.Spread.StandardError) + (ic.Spread.StandardError * ic.Spread.StandardError));
        Assert.InRange(sir.Spread.Mean, ic.Spread.Mean - bound, ic.Spread.Mean + bound);
        Assert.True(sir.Spread.Mean > 2 * seeds.Length, "word of mouth reaches well beyond the seeds");
        int far = 0;
        for (int v = 0; v < graph.NodeCount; v++)
        {
            double a = sir.ActivationProbabilities![v].Value, b = ic.ActivationProbabilities![v].Value;
            double se = Math.Sqrt(Math.Max((a * (1 - a)) + (b * (1 - b)), 1e-4) / runs);
            far += Math.Abs(a - b) > 4 * se ? 1 : 0;
        }

        Assert.True(far <= 2, $"{far} of {graph.NodeCount} nodes differ by more than 4 standard errors");
    }

    [Fact]
    public void SeedsAlwaysAdopt_AndWithoutTransmissionNobodyElseDoes()
    {
        SocialGraph graph = GraphGenerators.ErdosRenyi(200, 800, seed: 3, directed: false);
        int[] seeds = [1, 2, 3, 3];
        foreach (OpinionModel model in (OpinionModel[])[new SirWordOfMouth { Transmission = 0 }, new SisWordOfMouth { Transmission = 0, Recovery = 1 }, new VoterModel()])
        {
            var trace = new OpinionInfluence(model) { RoundsPerPeriod = 1 }.Simulate(graph, seeds, seed: 4);
            if (model is WordOfMouthModel)
            {
                Assert.Equal(["1", "2", "3"], trace.Adopters);
            }
            else
            {
                Assert.Superset(new HashSet<string>(["1", "2", "3"]), new HashSet<string>(trace.Adopters));
            }
        }
    }

    [Theory]
    [InlineData(InfluenceModelKind.Sir)]
    [InlineData(InfluenceModelKind.Sis)]
    public void WordOfMouthCampaign_IsIdenticalAtAnyParallelism(InfluenceModelKind kind)
    {
        Campaign campaign = WithInfluence(new ScenarioInfluence { Model = kind, Transmission = 0.05, Recovery = 0.5, RoundsPerPeriod = 8 }).Build();
        var influence = Assert.IsType<OpinionInfluence>(campaign.Influence);
        Assert.Equal(kind == InfluenceModelKind.Sir ? "sir" : "sis", influence.Name);
        Assert.Equal(8, influence.RoundsPerPeriod);

        string one = CampaignSimulator.Simulate(campaign, Options(6, 1)).ToJson();
        Assert.Equal(one, CampaignSimulator.Simulate(campaign, Options(6, 2)).ToJson());
        Assert.Equal(one, CampaignSimulator.Simulate(campaign, Options(6, 8)).ToJson());
        Assert.NotEqual(one, CampaignSimulator.Simulate(campaign, Options(6, 1) with { Seed = 22 }).ToJson());
    }

    [Fact]
    public void SirCampaign_MoreTransmission_MoreWordOfMouth_AndNoneWithoutIt()
    {
        CampaignResult Run(double beta) => CampaignSimulator.Simulate(
            WithInfluence(new ScenarioInfluence { Model = InfluenceModelKind.Sir, Transmission = beta, Recovery = 0.5 }).Build(), Options(8));

        CampaignResult none = Run(0), some = Run(0.02), more = Run(0.2);
        Assert.All(none.Periods, p => Assert.Equal(0, p.Compliance.Mean)); // adopters are exactly the seeds
        Assert.True(some.Periods[^1].Compliance.Mean > 0, "β = 0.02 tells someone");
        Assert.True(more.Summary.Adopters.Mean > some.Summary.Adopters.Mean, $"{more.Summary.Adopters.Mean} > {some.Summary.Adopters.Mean}");
    }

    [Fact]
    public void Scenario_WithSirWordOfMouth_RoundTripsThroughJson()
    {
        CampaignScenario scenario = WithInfluence(new ScenarioInfluence { Model = InfluenceModelKind.Sis, Transmission = 0.03, Recovery = 0.25, RoundsPerPeriod = 12 });
        string json = scenario.ToJson();
        Assert.Contains("\"model\": \"sis\"", json, StringComparison.Ordinal);

        CampaignScenario back = CampaignScenario.Parse(json);
        Assert.Equal(scenario.Influence, back.Influence);
        Assert.Equal(json, back.ToJson());
        var influence = Assert.IsType<OpinionInfluence>(back.Build().Influence);
        var model = Assert.IsType<SisWordOfMouth>(influence.Model);
        Assert.Equal((0.03, 0.25, 12), (model.Transmission, model.Recovery, influence.RoundsPerPeriod));
    }

    [Fact]
    public void Scenario_WithPerArcTransmission_RoundTripsAndSetsTheModel()
    {
        CampaignScenario scenario = WithInfluence(new ScenarioInfluence { Model = InfluenceModelKind.Sir, PerArcTransmission = true, Recovery = 0.4 });
        string json = scenario.ToJson();
        Assert.Contains("\"perArcTransmission\": true", json, StringComparison.Ordinal);

        CampaignScenario back = CampaignScenario.Parse(json);
        Assert.Equal(scenario.Influence, back.Influence);
        var model = Assert.IsType<SirWordOfMouth>(Assert.IsType<OpinionInfluence>(back.Build().Influence).Model);
        Assert.True(model.PerArcTransmission);
        Assert.Equal(0.4, model.Recovery);
        Assert.False(Assert.IsType<SirWordOfMouth>(Assert.IsType<OpinionInfluence>(
            WithInfluence(new ScenarioInfluence { Model = InfluenceModelKind.Sir, PerArcTransmission = false }).Build().Influence).Model).PerArcTransmission);
    }

    [Fact]
    public void PerArcTransmission_FollowsThePeerInfluenceWeights()
    {
        // Each tie tells with λ/indeg(v): λ = 1 tells about one contact per teller and period, λ = 0.05 almost none.
        CampaignResult Run(double peerInfluence)
        {
            CampaignScenario s = WithInfluence(new ScenarioInfluence { Model = InfluenceModelKind.Sir, PerArcTransmission = true, Recovery = 0.5 });
            return CampaignSimulator.Simulate((s with { Population = s.Population with { PeerInfluence = peerInfluence } }).Build(), Options(8));
        }

        CampaignResult weak = Run(0.05), strong = Run(1.0);
        Assert.True(
            strong.Periods[^1].Compliance.Mean > 3 * weak.Periods[^1].Compliance.Mean,
            $"word of mouth at λ = 1 ({strong.Periods[^1].Compliance.Mean}) against λ = 0.05 ({weak.Periods[^1].Compliance.Mean})");
    }

    [Fact]
    public void Scenario_OmittedWordOfMouthProperties_KeepTheModelsDefaults()
    {
        var influence = Assert.IsType<OpinionInfluence>(WithInfluence(new ScenarioInfluence { Model = InfluenceModelKind.Sir }).ToBuilder().Build().Influence);
        var defaults = new SirWordOfMouth();
        var model = Assert.IsType<SirWordOfMouth>(influence.Model);
        Assert.Equal((defaults.Transmission, defaults.Recovery, defaults.PerArcTransmission), (model.Transmission, model.Recovery, model.PerArcTransmission));
        Assert.Equal(new OpinionInfluence(defaults).RoundsPerPeriod, influence.RoundsPerPeriod);
    }

    public static TheoryData<string, Func<object>> BadInputs => new()
    {
        { "model", () => new OpinionInfluence(null!) },
        { "RoundsPerPeriod", () => new OpinionInfluence(new SirWordOfMouth()) { RoundsPerPeriod = 0 } },
        { "RoundsPerPeriod", () => new OpinionInfluence(new SirWordOfMouth()) { RoundsPerPeriod = 100_001 } },
        { "AdoptionThreshold", () => new OpinionInfluence(new VoterModel()) { AdoptionThreshold = 0 } },
        { "AdoptionThreshold", () => new OpinionInfluence(new VoterModel()) { AdoptionThreshold = double.NaN } },
        { "AdoptionThreshold", () => new OpinionInfluence(new VoterModel()) { AdoptionThreshold = 1.5 } },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_ThrowsNamingTheParameter(string parameter, Func<object> make)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(make);
        Assert.Equal(parameter, ex.ParamName);
    }
}
