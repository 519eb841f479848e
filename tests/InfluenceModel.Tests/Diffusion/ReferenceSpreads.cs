using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Diffusion;

/// <summary>Checks an estimate against a row of shared/data/graphs/reference-spreads.tsv (weighted cascade).</summary>
internal static class ReferenceSpreads
{
    /// <summary>Asserts agreement within 3 combined standard errors: |ours − reference| ≤ 3·√(se² + se_ref²).</summary>
    public static void AssertAgrees(string file, DiffusionModel model, string seedId, double reference, double referenceError, int simulations, ulong seed)
    {
        var g = SocialGraph.LoadEdgeList(SharedData.GraphPath(file)).WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
        var estimate = SpreadEstimator.Estimate(g, model, g.IndicesOf([seedId]), new SimulationOptions { Simulations = simulations, Seed = seed });
        double tolerance = 3 * Math.Sqrt((estimate.StandardError * estimate.StandardError) + (referenceError * referenceError));
        Assert.InRange(estimate.Mean, reference - tolerance, reference + tolerance);
    }
}
