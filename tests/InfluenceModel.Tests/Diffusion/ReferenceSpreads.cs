using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Diffusion;

/// <summary>Checks an estimate against a row of shared/data/graphs/reference-spreads.tsv (weighted cascade).</summary>
internal static class ReferenceSpreads
{
    /// <summary>Asserts agreement (seed ids space-separated, as in the file) within 3 combined standard errors: |ours − reference| ≤ 3·√(se² + se_ref²).</summary>
    public static void AssertAgrees(string file, DiffusionModel model, string seedIds, double reference, double referenceError, int simulations, ulong seed)
    {
        var g = SocialGraph.LoadEdgeList(SharedData.GraphPath(file)).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var estimate = SpreadEstimator.Estimate(new SpreadRequest(g, model, g.IndicesOf(seedIds.Split(' '))), new SimulationOptions { Simulations = simulations, Seed = seed });
        double tolerance = 3 * Math.Sqrt((estimate.Spread.StandardError * estimate.Spread.StandardError) + (referenceError * referenceError));
        Assert.InRange(estimate.Spread.Mean, reference - tolerance, reference + tolerance);
    }

    /// <summary>The k = 50 IMM seed sets of reference-spreads.tsv for nethept (IC and LT).</summary>
    public const string NetHeptIc50 = "14 27 37 41 60 66 80 99 100 105 111 124 128 131 140 156 192 196 210 221 236 239 266 287 307 412 474 507 525 535 562 563 599 606 634 639 682 885 989 1162 1292 1429 1520 1635 1987 2795 3209 4824 5629 6638";

    /// <inheritdoc cref="NetHeptIc50"/>
    public const string NetHeptLt50 = "14 15 27 37 41 60 66 80 99 100 105 111 124 128 131 140 156 192 196 210 221 236 239 266 274 287 307 326 359 412 474 507 525 535 562 563 599 606 634 639 682 705 989 1162 1292 1987 4824 5629 6072 9994";
}
