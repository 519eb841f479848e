using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Tests.Seeding;

/// <summary>
/// CELF for IC and LT on shared live-edge samples (<see cref="LiveEdgeOracle"/>): the samples represent the models (the
/// exact spread of tiny graphs), the singleton bounds bound, and on the same samples CELF returns exactly the plain
/// greedy's picks, which the brute force over all k-subsets bounds by 1 − 1/e.
/// </summary>
public class CelfLiveEdgeTests
{
    private static readonly IndependentCascade Ic = new();
    private static readonly LinearThreshold Lt = new();

    public static TheoryData<string> Models => ["ic", "lt"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Mean_EqualsTheExactSpreadOfATinyGraph_WithinMonteCarloError(string name)
    {
        DiffusionModel model = Model(name);
        for (int instance = 0; instance < 4; instance++)
        {
            var graph = TinyGraphs.Random(30 + instance, model);
            double[] sigma = ExactSpread.AllSubsets(graph, model);
            var oracle = new LiveEdgeOracle(graph, model, new SimulationOptions { Simulations = 20_000, Seed = 3 }, default);
            int[] seeds = [0, graph.NodeCount - 1];
            double exact = ExactSpread.Of(sigma, seeds);

            // The reach is at most n, so the standard error of a 20,000-sample mean is at most n / (2·√20,000).
            double tolerance = 5 * graph.NodeCount / (2 * Math.Sqrt(20_000));
            Assert.InRange(oracle.Mean(seeds), exact - tolerance, exact + tolerance);
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 30)]
    public Property SingletonBounds_BoundEverySingletonSum() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Elements("ic", "lt").ToArbitrary(), (instanceSeed, name) =>
        {
            DiffusionModel model = Model(name);
            var graph = RandomGraph(instanceSeed, model);
            var oracle = new LiveEdgeOracle(graph, model, new SimulationOptions { Simulations = 60, Seed = (ulong)instanceSeed, MaxDegreeOfParallelism = 2 }, default);
            long[] bounds = oracle.SingletonBounds(() => { });
            for (int v = 0; v < graph.NodeCount; v++)
            {
                long exact = oracle.Total([v]);
                Assert.True(bounds[v] >= exact, $"node {v}: bound {bounds[v]} < {exact}");
                Assert.True(bounds[v] <= 60L * graph.NodeCount);
            }
        });

    [Fact]
    public void SingletonBounds_AreExactOnATreeOfSureArcs_AndCycles_AreOneComponent()
    {
        // 0 → 1 → {2, 3}, 3 → 4 (a tree: the bound is the reach), and 5 → 6 → 5 (a cycle: one component of size 2).
        var graph = SocialGraph.FromEdges(7, [new(0, 1, 1f), new(1, 2, 1f), new(1, 3, 1f), new(3, 4, 1f), new(5, 6, 1f), new(6, 5, 1f)]);
        var oracle = new LiveEdgeOracle(graph, Ic, new SimulationOptions { Simulations = 10 }, default);
        Assert.Equal([50L, 40, 10, 20, 10, 20, 20], oracle.SingletonBounds(() => { }));
        Assert.Equal(50, oracle.Total([0]));
    }

    [Theory]
    [InlineData("ic", false)]
    [InlineData("lt", false)]
    [InlineData("ic", true)]
    [InlineData("lt", true)]
    public void Celf_EqualsThePlainGreedy_OnTheSameSamples(string name, bool forced)
    {
        DiffusionModel model = Model(name);
        var graph = GraphGenerators.BarabasiAlbert(120, 2, seed: 4).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var request = new SeedingRequest(graph, model, 5) { Algorithm = SeedingAlgorithm.CelfGreedy, ForcedSeeds = forced ? [0] : [] };
        var options = new SimulationOptions { Simulations = 300, Seed = 8, MaxDegreeOfParallelism = 2 };
        SeedingProblem problem = InfluenceMaximizer.Prepare(request, options);
        var oracle = new LiveEdgeOracle(graph, model, options, default);
        int[] celf = CelfGreedy.Select(problem, oracle);
        long celfEvaluations = oracle.Evaluations;

        // The plain greedy: every candidate re-evaluated every round, ties to the smaller index.
        var chosen = new List<int>(problem.Forced);
        var plain = new List<int>();
        long plainEvaluations = 0;
        while (plain.Count < problem.FreeSeeds)
        {
            int best = -1;
            long bestTotal = -1;
            for (int v = 0; v < graph.NodeCount; v++)
            {
                if (chosen.Contains(v))
                {
                    continue;
                }

                long total = oracle.Total([.. chosen, v]);
                plainEvaluations++;
                if (total > bestTotal)
                {
                    (best, bestTotal) = (v, total);
                }
            }

            chosen.Add(best);
            plain.Add(best);
        }

        Assert.Equal(plain, celf);
        Assert.True(celfEvaluations * 10 < plainEvaluations, $"CELF evaluated {celfEvaluations} sets, the plain greedy {plainEvaluations}");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Celf_OnTheSamples_ReachesOneMinusOneOverEOfTheBruteForceOptimum_AndItsFirstPickIsTheBestSingleton(string name)
    {
        DiffusionModel model = Model(name);
        var graph = GraphGenerators.BarabasiAlbert(14, 2, seed: 6).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var options = new SimulationOptions { Simulations = 200, Seed = 2 };
        var oracle = new LiveEdgeOracle(graph, model, options, default);
        int n = graph.NodeCount;
        for (int k = 1; k <= 3; k++)
        {
            var request = new SeedingRequest(graph, model, k) { Algorithm = SeedingAlgorithm.CelfGreedy };
            int[] celf = CelfGreedy.Select(InfluenceMaximizer.Prepare(request, options), oracle);
            long optimum = 0;
            foreach (int[] subset in Subsets(n, k))
            {
                optimum = Math.Max(optimum, oracle.Total(subset));
            }

            // Exact: the sample mean is monotone submodular, so the greedy bound holds for it deterministically.
            Assert.True(oracle.Total(celf) >= (1 - (1 / Math.E)) * optimum, $"k = {k}: {oracle.Total(celf)} against optimum {optimum}");
            if (k == 1)
            {
                Assert.Equal(optimum, oracle.Total(celf));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Select_GivesTheSameSeedsAtAnyParallelism(string name)
    {
        var graph = GraphGenerators.BarabasiAlbert(400, 3, seed: 9).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var request = new SeedingRequest(graph, Model(name), 4) { Algorithm = SeedingAlgorithm.CelfGreedy };
        SeedSelection Run(int dop) => InfluenceMaximizer.Select(request, new SimulationOptions { Simulations = 500, Seed = 12, MaxDegreeOfParallelism = dop });
        var one = Run(1);
        Assert.Equal(one.Seeds, Run(2).Seeds);
        Assert.Equal(one.Seeds, Run(3).Seeds);
    }

    [Fact]
    public void Select_ReportsTheBoundingPassAndEndsIt()
    {
        var reports = new List<ProgressReport>();
        var graph = GraphGenerators.BarabasiAlbert(50, 2, seed: 1).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var request = new SeedingRequest(graph, Ic, 2) { Algorithm = SeedingAlgorithm.CelfGreedy };
        InfluenceMaximizer.Select(request, new SimulationOptions { Simulations = 70 }, new SyncProgress(reports));
        var bounding = reports.Where(r => r.Stage == "bounding").ToList();
        Assert.NotEmpty(bounding);
        Assert.All(bounding, r => Assert.Equal(70, r.Total));
        Assert.Equal(new ProgressReport("bounding", 70, 70), bounding[^1]);
        Assert.Contains(new ProgressReport("selecting", 2, 2), reports);
    }

    [Fact]
    public void LiveEdgeOracle_RejectsAModelWithoutLiveEdges_NamingTheParameter()
    {
        var graph = GraphGenerators.BarabasiAlbert(20, 2, seed: 1).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var e = Assert.Throws<ArgumentException>(() => new LiveEdgeOracle(graph, new KelmanInfluence(), SimulationOptions.Default, default));
        Assert.Equal("model", e.ParamName);
    }

    private static DiffusionModel Model(string name) => name == "lt" ? Lt : Ic;

    private static SocialGraph RandomGraph(int seed, DiffusionModel model)
    {
        var random = new Random(seed);
        int n = random.Next(2, 40);
        var graph = random.Next(2) == 0
            ? GraphGenerators.BarabasiAlbert(Math.Max(n, 4), random.Next(1, 3), seed: (ulong)seed)
            : GraphGenerators.StochasticBlockModel([n], [[0.05 + (0.3 * random.NextDouble())]], seed: (ulong)seed, directed: true);
        return model is LinearThreshold || random.Next(2) == 0
            ? graph.WithEdgeProbabilities(EdgeProbabilities.WeightedCascade)
            : graph.WithEdgeProbabilities(EdgeProbabilities.Uniform(0.2 + (0.8 * random.NextDouble())));
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        var current = new int[k];
        IEnumerable<int[]> Extend(int depth, int start)
        {
            if (depth == k)
            {
                yield return (int[])current.Clone();
                yield break;
            }

            for (int v = start; v < n; v++)
            {
                current[depth] = v;
                foreach (int[] s in Extend(depth + 1, v + 1))
                {
                    yield return s;
                }
            }
        }

        return Extend(0, 0);
    }

    private sealed class SyncProgress(List<ProgressReport> reports) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value) => reports.Add(value);
    }
}
