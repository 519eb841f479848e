using System.Collections.Concurrent;
using System.Globalization;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Tests.Seeding;

/// <summary>
/// Quality oracles on the benchmark graphs (weighted cascade) against ../shared/data/graphs/reference-spreads.tsv: the
/// spreads (10,000 Monte-Carlo runs, standard error given) that the reference C++ IMM of Tang et al. reached.
/// </summary>
/// <remarks>
/// Evaluating 50-seed sets by 10,000 forward Monte-Carlo runs on email-enron would take tens of seconds per case, so
/// the spreads of our seeds are measured with an unbiased RR-set estimate on a fresh, independent sample (seed family
/// unrelated to the selection): n·(covered share) with binomial standard error n·√(p(1−p)/θ). θ is chosen so that the
/// estimate's standard error is a third of the 1% tolerance or less on the k = 50 cases; the acceptance rule is the
/// issue's: reach the reference − max(1% of it, 3 combined standard errors). That the RR estimate measures the same
/// quantity as the reference Monte-Carlo evaluator is checked by <see cref="RrEstimate_OfReferenceSeeds_AgreesWithReferenceMonteCarlo"/>,
/// and one case is also checked by 10,000 forward Monte-Carlo runs.
/// </remarks>
public class ReferenceSpreadTests
{
    private static readonly DiffusionModel Ic = new IndependentCascade();
    private static readonly DiffusionModel Lt = new LinearThreshold();

    private static readonly ConcurrentDictionary<string, SocialGraph> Graphs = new();

    public static TheoryData<string, string, int> QualityCases => new()
    {
        { "nethept", "IC", 50 },
        { "nethept", "LT", 50 },
        { "ego-facebook", "IC", 50 },
        { "ego-facebook", "LT", 50 },
        { "email-enron", "IC", 50 },
        { "email-enron", "LT", 50 },
        { "nethept", "IC", 1 },
        { "email-enron", "IC", 1 },
    };

    [Theory]
    [MemberData(nameof(QualityCases))]
    public void Opimc_WeightedCascade_ReachesReferenceImmSpread(string graphName, string model, int k)
    {
        var (graph, reference) = Load(graphName, model, k);
        var diffusion = model == "IC" ? Ic : Lt;
        var result = InfluenceMaximizer.Select(new SeedingRequest(graph, diffusion, k), new SimulationOptions { Seed = 1 });

        var (spread, se) = Evaluate(graph, diffusion, result.Seeds, graphName == "nethept" ? 1_000_000 : 500_000);
        double tolerance = Math.Max(0.01 * reference.Spread, 3 * Math.Sqrt((se * se) + (reference.StandardError * reference.StandardError)));
        Assert.True(spread >= reference.Spread - tolerance,
            $"{graphName} {model} k={k}: spread {spread:F1} ± {se:F1} below reference {reference.Spread} − {tolerance:F1}");
        Assert.InRange(result.ApproximationGuarantee, 1 - (1 / Math.E) - 0.1, 1.0);
        // The result's own estimate (from OPIM-C's validation sample) agrees with the fresh one.
        double own = result.Spread.StandardError;
        Assert.InRange(result.Spread.Mean - spread, -4 * Math.Sqrt((own * own) + (se * se)), 4 * Math.Sqrt((own * own) + (se * se)));
    }

    [Fact]
    public void RrEstimate_OfReferenceSeeds_AgreesWithReferenceMonteCarlo()
    {
        foreach (var row in ReferenceRows())
        {
            var graph = LoadGraph(row.Graph);
            var diffusion = row.Model == "IC" ? Ic : Lt;
            var (spread, se) = Evaluate(graph, diffusion, graph.IndicesOf(row.Seeds), 400_000);
            double combined = Math.Sqrt((se * se) + (row.StandardError * row.StandardError));
            Assert.True(Math.Abs(spread - row.Spread) <= 3.5 * combined,
                $"{row.Graph} {row.Model} k={row.K}: RR estimate {spread:F1} ± {se:F1} vs reference {row.Spread} ± {row.StandardError}");
        }
    }

    [Fact]
    public void ForwardMonteCarlo_OfOpimcSeeds_OnNethept_ReachesReference()
    {
        // The literal check on one graph: 10,000 forward Monte-Carlo runs of the chosen seeds.
        var (graph, reference) = Load("nethept", "IC", 50);
        var result = InfluenceMaximizer.Select(new SeedingRequest(graph, Ic, 50), new SimulationOptions { Seed = 3 });
        var estimate = SpreadEstimator.Estimate(new SpreadRequest(graph, Ic, result.Seeds), new SimulationOptions { Simulations = 10_000, Seed = 12345 });
        var (mean, se) = (estimate.Spread.Mean, estimate.Spread.StandardError);
        double tolerance = Math.Max(0.01 * reference.Spread, 3 * Math.Sqrt((se * se) + (reference.StandardError * reference.StandardError)));
        Assert.True(mean >= reference.Spread - tolerance, $"MC spread {mean:F1} ± {se:F1} below {reference.Spread} − {tolerance:F1}");
    }

    [Fact]
    public void Opimc_OnNethept_SameSeedSameSeeds_AtParallelism1_2_8()
    {
        var graph = LoadGraph("nethept");
        var results = new[] { 1, 2, 8 }
            .Select(dop => InfluenceMaximizer.Select(new SeedingRequest(graph, Ic, 20), new SimulationOptions { Seed = 9, MaxDegreeOfParallelism = dop }))
            .ToArray();
        Assert.Equal(results[0].Seeds, results[1].Seeds);
        Assert.Equal(results[0].Seeds, results[2].Seeds);
        Assert.Equal(results[0].Spread, results[2].Spread);
        Assert.Equal(results[0].ApproximationGuarantee, results[2].ApproximationGuarantee);
    }

    internal static SocialGraph LoadGraph(string name) => Graphs.GetOrAdd(name, n =>
    {
        string file = n == "nethept" ? "nethept.txt" : n + ".txt.gz";
        return SocialGraph.LoadEdgeList(SharedData.GraphPath(file)).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
    });

    private static (double Spread, double StandardError) Evaluate(SocialGraph graph, DiffusionModel model, IReadOnlyList<int> seeds, int sets)
    {
        var problem = InfluenceMaximizer.Prepare(new SeedingRequest(graph, model, 1), new SimulationOptions { Seed = 0xE7A1 });
        var outcome = ReverseReachableSeeding.Evaluate(problem, [.. seeds], sets, 0);
        return (outcome.Spread, outcome.StandardError);
    }

    private static (SocialGraph Graph, ReferenceRow Reference) Load(string graphName, string model, int k) =>
        (LoadGraph(graphName), ReferenceRows().Single(r => r.Graph == graphName && r.Model == model && r.K == k));

    private static IEnumerable<ReferenceRow> ReferenceRows()
    {
        string path = SharedData.GraphPath("reference-spreads.tsv");
        foreach (string line in File.ReadLines(path).Skip(1))
        {
            string[] f = line.Split('\t');
            yield return new ReferenceRow(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture), f[5].Split(' '));
        }
    }

    private sealed record ReferenceRow(string Graph, string Model, int K, double Spread, double StandardError, string[] Seeds);
}
