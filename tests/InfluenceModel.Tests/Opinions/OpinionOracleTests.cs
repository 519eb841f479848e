using InfluenceModel.Networks;
using InfluenceModel.Opinions;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace InfluenceModel.Tests.Opinions;

/// <summary>Each model against its closed form, exact Markov chain or published cluster counts.</summary>
public class OpinionOracleTests
{
    [Fact]
    public void DeGroot_OnAStronglyConnectedAperiodicGraph_ConvergesToTheLeftEigenvectorAverage()
    {
        // M = aI + (1 − a)W, W the row-normalised in-weights. π M = π with Σπ = 1; every opinion → π·x(0).
        var g = GraphGenerators.WattsStrogatz(30, 4, 0.2, seed: 5).WithEdgeProbabilities(EdgeProbabilities.Trivalency(2));
        int n = g.NodeCount;
        const double a = 0.3;
        var m = Matrix<double>.Build.Dense(n, n);
        for (int v = 0; v < n; v++)
        {
            double total = 0;
            foreach (float w in g.InWeights(v))
            {
                total += w;
            }

            m[v, v] = a;
            var sources = g.InNeighbors(v);
            var weights = g.InWeights(v);
            for (int k = 0; k < sources.Length; k++)
            {
                m[v, sources[k]] += (1 - a) * weights[k] / total;
            }
        }

        var evd = m.Transpose().Evd();
        var magnitudes = evd.EigenValues.Select(l => l.Magnitude).OrderDescending().ToArray();
        Assert.True(magnitudes[1] < 1 - 1e-6, "precondition: eigenvalue 1 is simple (strongly connected, aperiodic)");
        int one = Enumerable.Range(0, n).MinBy(i => (evd.EigenValues[i] - 1).Magnitude);
        var pi = evd.EigenVectors.Column(one);
        pi /= pi.Sum();
        var random = new Random(3);
        double[] x0 = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];
        double consensus = pi.DotProduct(Vector<double>.Build.DenseOfArray(x0));

        var outcome = OpinionSimulator.Simulate(new OpinionRequest(g, new DeGrootModel { SelfWeight = a }, x0) { Tolerance = 1e-13, MaxPeriods = 100_000 });

        Assert.Equal(1, outcome.Converged.Mean);
        Assert.All(outcome.FinalOpinions, x => Assert.Equal(consensus, x, 1e-9));
        Assert.Equal(1, outcome.Clusters!.Value.Mean);
        // The plain mean is not the answer (the weights are uneven), so the test can tell the two apart.
        Assert.True(Math.Abs(consensus - x0.Average()) > 1e-3);
    }

    [Fact]
    public void FriedkinJohnsen_ConvergesToTheClosedFormFixedPoint()
    {
        // x* = (I − (I − S)W)⁻¹ S x(0), W_vu the row-normalised in-weights (W_vv = 1 without in-weight), solved with MathNet.
        var g = GraphGenerators.ErdosRenyi(40, 160, seed: 12).WithEdgeProbabilities(EdgeProbabilities.Trivalency(1));
        int n = g.NodeCount;
        var random = new Random(4);
        double[] s = [.. Enumerable.Range(0, n).Select(_ => 0.1 + (0.8 * random.NextDouble()))];
        double[] x0 = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble())];
        var w = Matrix<double>.Build.Dense(n, n);
        for (int v = 0; v < n; v++)
        {
            var sources = g.InNeighbors(v);
            var weights = g.InWeights(v);
            double total = 0;
            foreach (float x in weights)
            {
                total += x;
            }

            if (total == 0)
            {
                w[v, v] = 1;
                continue;
            }

            for (int k = 0; k < sources.Length; k++)
            {
                w[v, sources[k]] += weights[k] / total;
            }
        }

        var stubbornness = Matrix<double>.Build.DiagonalOfDiagonalArray(s);
        var identity = Matrix<double>.Build.DenseIdentity(n);
        var expected = (identity - ((identity - stubbornness) * w)).Solve(stubbornness * Vector<double>.Build.DenseOfArray(x0));

        var outcome = OpinionSimulator.Simulate(new OpinionRequest(g, new FriedkinJohnsenModel { StubbornnessByNode = s }, x0) { Tolerance = 1e-13, MaxPeriods = 100_000 });

        Assert.Equal(1, outcome.Converged.Mean);
        for (int v = 0; v < n; v++)
        {
            Assert.Equal(expected[v], outcome.FinalOpinions[v], 1e-9);
        }
    }

    public static TheoryData<double, int> HegselmannKrauseClusters => new()
    {
        // Complete graph, n = 200 evenly spaced opinions x_i = i/(n − 1) (Lorenz 2006's equidistant profile): consensus for
        // ε ≥ 0.25, then about ⌊1/(2ε)⌋ major clusters (Hegselmann and Krause 2002, Fig. 3; Lorenz 2006, Fig. 2).
        { 0.3, 1 },
        { 0.25, 1 },
        { 0.15, 3 },
        { 0.08, 5 },
    };

    [Theory]
    [MemberData(nameof(HegselmannKrauseClusters))]
    public void HegselmannKrause_OnACompleteGraphWithEvenlySpacedOpinions_GivesThePublishedClusterCount(double epsilon, int majorClusters)
    {
        var outcome = OpinionSimulator.Simulate(new OpinionRequest(Complete(200), new HegselmannKrauseModel { Confidence = epsilon }, EvenlySpaced(200)) { Tolerance = 1e-12 });

        Assert.Equal(1, outcome.Converged.Mean);
        Assert.Equal(majorClusters, MajorClusters(outcome.FinalOpinions));
    }

    public static TheoryData<double, int> DeffuantClusters => new()
    {
        // Complete graph, evenly spaced opinions, μ = 0.5: consensus above ε ≈ 0.27, then about ⌊1/(2ε)⌋ major clusters
        // (Deffuant et al. 2000, Fig. 2; Weisbuch et al. 2002; Lorenz 2006 survey, Fig. 4).
        { 0.4, 1 },
        { 0.2, 2 },
        { 0.12, 4 },
    };

    [Theory]
    [MemberData(nameof(DeffuantClusters))]
    public void Deffuant_OnACompleteGraphWithEvenlySpacedOpinions_GivesThePublishedClusterCount_AndConservesTheMean(double epsilon, int majorClusters)
    {
        var graph = Complete(200);
        var counts = new List<int>();
        for (ulong seed = 0; seed < 5; seed++)
        {
            var outcome = OpinionSimulator.Simulate(
                new OpinionRequest(graph, new DeffuantWeisbuchModel { Confidence = epsilon, Convergence = 0.5 }, EvenlySpaced(200)) { Tolerance = 1e-4, MaxPeriods = 100_000 },
                new SimulationOptions { Simulations = 1, Seed = seed });
            Assert.Equal(1, outcome.Converged.Mean);
            Assert.Equal(0.5, outcome.FinalMean.Mean, 1e-9);
            counts.Add(MajorClusters(outcome.FinalOpinions));
        }

        // The count is random; the published one is the typical (modal) outcome.
        Assert.Equal(majorClusters, counts.GroupBy(c => c).MaxBy(group => group.Count())!.Key);
    }

    [Fact]
    public void Voter_FixationProbability_IsTheDegreeWeightedInitialShare()
    {
        // On a connected undirected graph Σ_v d_v x_v is a martingale of the node-update voter model, so
        // P(1 fixates) = Σ_{v holds 1} d_v / Σ_v d_v.
        var g = GraphGenerators.BarabasiAlbert(30, 2, seed: 7);
        int n = g.NodeCount;
        int[] hubs = [.. Enumerable.Range(0, n).OrderByDescending(g.OutDegree).Take(5)];
        double[] x0 = [.. Enumerable.Range(0, n).Select(v => hubs.Contains(v) ? 1.0 : 0.0)];
        double expected = hubs.Sum(g.OutDegree) / (double)Enumerable.Range(0, n).Sum(g.OutDegree);

        var outcome = OpinionSimulator.Simulate(new OpinionRequest(g, new VoterModel(), x0) { MaxPeriods = 100_000 }, new SimulationOptions { Simulations = 4_000, Seed = 11 });

        Assert.Equal(1, outcome.Converged.Mean);
        var p = outcome.FixationProbability!.Value;
        double se = Math.Sqrt(expected * (1 - expected) / p.Count);
        Assert.InRange(p.Mean, expected - (4 * se), expected + (4 * se));
        Assert.True(Math.Abs(expected - (5.0 / n)) > 8 * se, "the degree weighting is visible at this sample size");
    }

    [Fact]
    public void MajorityRule_OnACompleteGraph_MatchesTheExactBirthDeathChain()
    {
        // Galam's rule with groups of 3 on n nodes: k ones → k + 1 with p_k = C(k,2)(n−k)/C(n,3), → k − 1 with
        // q_k = k·C(n−k,2)/C(n,3). φ_k = P(1 fixates | k) solves (p_k + q_k)φ_k − p_kφ_{k+1} − q_kφ_{k−1} = 0, φ_0 = 0, φ_n = 1.
        const int n = 15, k0 = 8;
        double triples = SpecialFunctions.Binomial(n, 3);
        var a = Matrix<double>.Build.Dense(n + 1, n + 1);
        var b = Vector<double>.Build.Dense(n + 1);
        a[0, 0] = 1;
        a[n, n] = 1;
        b[n] = 1;
        for (int k = 1; k < n; k++)
        {
            double up = SpecialFunctions.Binomial(k, 2) * (n - k) / triples, down = k * SpecialFunctions.Binomial(n - k, 2) / triples;
            a[k, k] = up + down;
            a[k, k + 1] = -up;
            a[k, k - 1] = -down;
        }

        double expected = a.Solve(b)[k0];
        double[] x0 = [.. Enumerable.Range(0, n).Select(v => v < k0 ? 1.0 : 0.0)];

        var outcome = OpinionSimulator.Simulate(new OpinionRequest(Complete(n), new MajorityRuleModel { GroupSize = 3 }, x0) { MaxPeriods = 100_000 }, new SimulationOptions { Simulations = 4_000, Seed = 2 });

        var p = outcome.FixationProbability!.Value;
        double se = Math.Sqrt(expected * (1 - expected) / p.Count);
        Assert.InRange(p.Mean, expected - (4 * se), expected + (4 * se));
        Assert.True(expected - ((double)k0 / n) > 8 * se, "majority rule amplifies the majority beyond its share (unlike the voter model)");
    }

    [Fact]
    public void Sir_FinalSizeOnALargeErdosRenyiGraph_SolvesTheFinalSizeEquation()
    {
        // Mean degree c = 6, T = β/(β + γ − βγ) = 1/3, R₀ = cT = 2: z = 1 − exp(−R₀ z) (Newman 2002; Kenah and Robins 2007).
        const int n = 20_000;
        var g = GraphGenerators.ErdosRenyi(n, 3 * n, seed: 21, directed: false);
        var model = new SirWordOfMouth { Transmission = 0.2, Recovery = 0.5 };
        double r0 = 6 * 0.2 / (0.2 + 0.5 - (0.2 * 0.5));
        double z = FindRoots.OfFunction(x => x - 1 + Math.Exp(-r0 * x), 0.1, 1);
        double[] x0 = new double[n];
        for (int v = 0; v < n; v += 1_000)
        {
            x0[v] = 1; // 20 seeds: a large outbreak is all but certain
        }

        var outcome = OpinionSimulator.Simulate(new OpinionRequest(g, model, x0), new SimulationOptions { Simulations = 20, Seed = 5 });

        Assert.Equal(1, outcome.Converged.Mean);
        Assert.InRange(outcome.FinalMean.Mean, z - 0.01, z + 0.01);
        Assert.Equal(0, outcome.Trajectory[^1].Shares[1]); // nobody telling at the end
        Assert.Equal(outcome.FinalMean.Mean, outcome.Trajectory[^1].Mean, 1e-9);
    }

    [Fact]
    public void Sir_WithRecoveryOne_IsTheIndependentCascadeWithUniformProbability()
    {
        // Telling for exactly one period gives every tie one chance β: Kempe et al.'s IC with p = β. Two independent
        // Monte-Carlo estimates of the same expected spread agree within their errors.
        var g = GraphGenerators.BarabasiAlbert(2_000, 3, seed: 6);
        const double beta = 0.12;
        int[] seeds = [0, 1, 2, 50, 500, 1500];
        double[] x0 = [.. Enumerable.Range(0, g.NodeCount).Select(v => seeds.Contains(v) ? 1.0 : 0.0)];
        var sir = OpinionSimulator.Simulate(new OpinionRequest(g, new SirWordOfMouth { Transmission = beta, Recovery = 1 }, x0), new SimulationOptions { Simulations = 3_000, Seed = 1 });
        var ic = InfluenceModel.Diffusion.SpreadEstimator.Estimate(
            new InfluenceModel.Diffusion.SpreadRequest(g.WithEdgeProbabilities(EdgeProbabilities.Uniform(beta)), new InfluenceModel.Diffusion.IndependentCascade(), seeds),
            new SimulationOptions { Simulations = 3_000, Seed = 2 });

        double sirSpread = sir.FinalMean.Mean * g.NodeCount, sirError = sir.FinalMean.StandardError * g.NodeCount;
        double bound = 4 * Math.Sqrt((sirError * sirError) + (ic.Spread.StandardError * ic.Spread.StandardError));
        Assert.InRange(sirSpread, ic.Spread.Mean - bound, ic.Spread.Mean + bound);
        Assert.True(sirSpread > 3 * seeds.Length, "the cascade spreads well beyond the seeds");
    }

    [Fact]
    public void Sis_EndemicShareOnADenseGraph_ApproachesTheMeanFieldLevel()
    {
        // Mean degree c = 40, γ = 0.05, β = 0.0025: R₀ = βc/γ = 2. The discrete-time mean-field level solves
        // γ i = (1 − i)(1 − (1 − β i)^c), which tends to 1 − 1/R₀ = 0.5 as the steps shrink.
        const int n = 1_000, c = 40;
        const double beta = 0.0025, gamma = 0.05;
        var g = GraphGenerators.ErdosRenyi(n, n * c / 2, seed: 8, directed: false);
        double level = FindRoots.OfFunction(i => ((1 - i) * (1 - Math.Pow(1 - (beta * i), c))) - (gamma * i), 0.05, 0.99);
        Assert.InRange(level, 0.47, 0.5);
        double[] x0 = [.. Enumerable.Range(0, n).Select(v => v % 10 == 0 ? 1.0 : 0.0)];

        var outcome = OpinionSimulator.Simulate(new OpinionRequest(g, new SisWordOfMouth { Transmission = beta, Recovery = gamma }, x0) { MaxPeriods = 300 }, new SimulationOptions { Simulations = 8, Seed = 4 });

        double endemic = outcome.Trajectory.Skip(150).Average(p => p.Shares[1]);
        Assert.InRange(endemic, level - 0.03, level + 0.03);
        Assert.Equal(0, outcome.Converged.Mean); // it never dies out at R₀ = 2 on 1,000 nodes within 300 periods
    }

    internal static SocialGraph Complete(int n) =>
        SocialGraph.FromEdges(n, [.. from u in Enumerable.Range(0, n) from v in Enumerable.Range(0, n) where u != v select new Edge(u, v)]);

    internal static double[] EvenlySpaced(int n) => [.. Enumerable.Range(0, n).Select(i => (double)i / (n - 1))];

    /// <summary>Clusters (sorted neighbours within 10⁻³) holding at least 2% of the nodes.</summary>
    internal static int MajorClusters(IReadOnlyList<double> opinions)
    {
        double[] sorted = [.. opinions.Order()];
        var sizes = new List<int> { 1 };
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] - sorted[i - 1] > 1e-3)
            {
                sizes.Add(0);
            }

            sizes[^1]++;
        }

        return sizes.Count(s => s >= 0.02 * sorted.Length);
    }
}
