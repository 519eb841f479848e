using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using MathNet.Numerics.LinearAlgebra;

namespace InfluenceModel.Tests.Diffusion;

public class KelmanInfluenceTests
{
    [Fact]
    public void WithGammaOneTauAboveOneAndIrreversibleCompliance_EqualsLinearThresholdOutcomeForOutcome()
    {
        // Both models draw θ_v in node order first and nothing else, so on the same stream they see the same thresholds;
        // with γ = 1 (even with group labels), τ > 1 and irreversible compliance, Kelman's rule is the LT rule.
        var g = GraphGenerators.StochasticBlockModel([150, 150], [[0.04, 0.01], [0.01, 0.04]], seed: 8)
            .WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var kelman = new KelmanInfluence { Identification = 1, InternalizationThreshold = 1.5, ReversibleCompliance = false };
        var lt = new LinearThreshold();
        int[] seeds = [0, 160, 42];
        for (ulong s = 0; s < 60; s++)
        {
            var a = lt.Simulate(g, seeds, s);
            var b = kelman.Simulate(g, seeds, s);
            Assert.Equal(a.Adopters, b.Adopters);
            Assert.Equal(a.Periods.Select(p => p.Adopters), b.Periods.Select(p => p.Adopters).Take(a.Periods.Count));
            Assert.All(b.Periods.Skip(a.Periods.Count), p => Assert.Equal(0, p.NewAdopters));
        }

        var options = new SimulationOptions { Simulations = 300, Seed = 3 };
        Assert.Equal(SpreadEstimator.Estimate(new SpreadRequest(g, lt, seeds), options).Spread.Mean, SpreadEstimator.Estimate(new SpreadRequest(g, kelman, seeds), options).Spread.Mean);
    }

    [Fact]
    public void WithComplianceOff_AttitudesConvergeToTheFriedkinJohnsenFixedPoint()
    {
        // x(t+1) = S x(0) + (I − S) W x(t), W_vu = T_uv (row-normalised in-weights; a node without in-weight keeps x(0),
        // i.e. W_vv = 1). Fixed point x* = (I − (I − S) W)^{-1} S x(0), solved with MathNet.
        var g = GraphGenerators.ErdosRenyi(40, 160, seed: 12).WithEdgeProbabilities(EdgeProbabilities.Trivalency(1));
        int n = g.NodeCount;
        var random = new Random(4);
        double[] s = [.. Enumerable.Range(0, n).Select(_ => 0.1 + (0.8 * random.NextDouble()))];
        double[] x0 = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];
        var model = new KelmanInfluence
        {
            Compliance = false, InternalizationThreshold = 2, StubbornnessByNode = s, InitialAttitudes = x0,
            MaxPeriods = 10_000, AttitudeTolerance = 1e-13,
        };
        var trace = model.Simulate(g, [], seed: 1);

        var w = Matrix<double>.Build.Dense(n, n);
        for (int v = 0; v < n; v++)
        {
            double total = 0;
            foreach (float weight in g.InWeights(v))
            {
                total += weight;
            }

            if (total == 0)
            {
                w[v, v] = 1;
                continue;
            }

            var sources = g.InNeighbors(v);
            var weights = g.InWeights(v);
            for (int k = 0; k < sources.Length; k++)
            {
                w[v, sources[k]] += weights[k] / total;
            }
        }

        var sMatrix = Matrix<double>.Build.Diagonal(s);
        var identity = Matrix<double>.Build.DenseIdentity(n);
        var expected = (identity - ((identity - sMatrix) * w)).Solve(sMatrix * Vector<double>.Build.Dense(x0));
        Assert.Empty(trace.Adopters);
        for (int v = 0; v < n; v++)
        {
            Assert.Equal(g.NodeId(v), trace.Attitudes![v].NodeId);
            Assert.Equal(expected[v], trace.Attitudes[v].Value, 1e-9);
        }
    }

    [Fact]
    public void Identification_ReweightsSameGroupNeighbours_AndIsReportedAsItsOwnMechanism()
    {
        // v = 2 has in-neighbours a = 0 (same group) and b = 1 (other group), weights 0.5 each. With γ = 3 the weights
        // become 1.5 and 0.5, renormalised to the original total 1: 0.75 and 0.25. Seeding a: v adopts iff θ ≤ 0.75,
        // by identification when 0.5 < θ ≤ 0.75 (probability 0.25), by compliance when θ ≤ 0.5 (0.5).
        var g = SocialGraph.FromEdges(3, [new(0, 2, 0.5f), new(1, 2, 0.5f)], groups: [1, 0, 1]);
        var model = new KelmanInfluence { Identification = 3, InternalizationThreshold = 2, ReversibleCompliance = false };
        const int n = 20_000;
        var estimate = SpreadEstimator.Estimate(new SpreadRequest(g, model, [0]), new SimulationOptions { Simulations = n, Seed = 6 });
        double band = 4 * Math.Sqrt(0.75 * 0.25 / n);
        Assert.InRange(estimate.Spread.Mean, 1.75 - band, 1.75 + band);
        int identified = 0, complied = 0;
        for (ulong s = 0; s < 4000; s++)
        {
            var last = model.Simulate(g, [0], s).Periods[^1].Mechanisms!;
            identified += last.Identification;
            complied += last.Compliance;
            Assert.Equal(1, last.Seeded);
        }

        Assert.InRange(identified, 1000 - (4 * Math.Sqrt(4000 * 0.25 * 0.75)), 1000 + (4 * Math.Sqrt(4000 * 0.25 * 0.75)));
        Assert.InRange(complied, 2000 - (4 * Math.Sqrt(4000 * 0.25)), 2000 + (4 * Math.Sqrt(4000 * 0.25)));
    }

    [Fact]
    public void ReversibleCompliance_DropsOutWhenTheCampaignStops_InternalizationStays()
    {
        // s → a with weight 1: a complies in period 1 whatever θ_a ∈ (0,1]. Seeds adopt in periods 0 and 1 only: in period 2
        // s has no influence and drops, in period 3 a's share is 0 and a (merely compliant) drops.
        var g = SocialGraph.FromEdges(2, [new(0, 1, 1f)]);
        var reversible = new KelmanInfluence { InternalizationThreshold = 2, SeedPeriods = 2 };
        var trace = reversible.Simulate(g, [0], seed: 2);
        Assert.Empty(trace.Adopters);
        Assert.Equal([1, 2, 1, 0], trace.Periods.Select(p => p.Adopters));
        Assert.Equal(1, trace.Periods[2].DroppedOut);

        Assert.Equal(2, new KelmanInfluence { InternalizationThreshold = 2, SeedPeriods = 2, ReversibleCompliance = false }.Simulate(g, [0], 2).FinalAdopters);

        // With s_a = 0, a's attitude becomes y_s = 1 in period 1 ≥ τ = 0.6: internalized, it stays when s stops.
        var internalizing = new KelmanInfluence { InternalizationThreshold = 0.6, Stubbornness = 0, SeedPeriods = 2 };
        var kept = internalizing.Simulate(g, [0], seed: 2);
        Assert.Equal(["1"], kept.Adopters);
        Assert.Equal(1, kept.Periods[^1].Mechanisms!.Internalization);
    }

    [Fact]
    public void BadParameters_ThrowNamingTheParameter()
    {
        Assert.Equal("Identification", Assert.Throws<ArgumentOutOfRangeException>(() => new KelmanInfluence { Identification = 0.5 }).ParamName);
        Assert.Equal("Stubbornness", Assert.Throws<ArgumentOutOfRangeException>(() => new KelmanInfluence { Stubbornness = double.NaN }).ParamName);
        Assert.Equal("InitialAttitude", Assert.Throws<ArgumentOutOfRangeException>(() => new KelmanInfluence { InitialAttitude = 1.5 }).ParamName);
        Assert.Equal("InternalizationThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new KelmanInfluence { InternalizationThreshold = -1 }).ParamName);
        Assert.Equal("StubbornnessByNode", Assert.Throws<ArgumentOutOfRangeException>(() => new KelmanInfluence { StubbornnessByNode = [0.5, -0.1] }).ParamName);
        Assert.Equal("MaxPeriods", Assert.Throws<ArgumentOutOfRangeException>(() => new KelmanInfluence { MaxPeriods = 0 }).ParamName);
        Assert.Equal("SeedPeriods", Assert.Throws<ArgumentOutOfRangeException>(() => new KelmanInfluence { SeedPeriods = 0 }).ParamName);
        Assert.Equal("AttitudeTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new KelmanInfluence { AttitudeTolerance = 0 }).ParamName);
        var g = SocialGraph.FromEdges(2, [new(0, 1, 0.5f)]);
        Assert.Equal("InitialAttitudes", Assert.Throws<ArgumentException>(() => new KelmanInfluence { InitialAttitudes = [0.1] }.Simulate(g, [0])).ParamName);
    }
}
