using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Opinions;

namespace InfluenceModel.Tests.Opinions;

/// <summary>
/// Issue 17: Friedkin–Johnsen is one reusable part. The opinion model and the Kelman model's internalization use the same
/// update and the same fixed-point check, so with compliance off and no seeds Kelman's attitudes are the opinion
/// model's final opinions bit for bit (Kelman sweeps incrementally, the opinion model fully; both stop on the first
/// sweep that moves nothing by more than the tolerance).
/// </summary>
public sealed class FriedkinJohnsenSharedTests
{
    [FsCheck.Xunit.Property(MaxTest = 30)]
    public Property KelmanInternalization_AndTheFriedkinJohnsenModel_AgreeBitForBit() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(2, 40);
            SocialGraph g = GraphGenerators.ErdosRenyi(n, rng.Next(0, Math.Min(4 * n, n * (n - 1)) + 1), seed: (ulong)seed)
                .WithEdgeProbabilities(EdgeProbabilities.WeightedCascade);
            double[] s = [.. Enumerable.Range(0, n).Select(_ => rng.Next(5) == 0 ? 1 : 0.05 + (0.95 * rng.NextDouble()))];
            double[] x0 = [.. Enumerable.Range(0, n).Select(_ => rng.NextDouble())];
            double tolerance = rng.Next(2) == 0 ? 1e-6 : 1e-12;

            var kelman = new KelmanInfluence
            {
                Compliance = false, InternalizationThreshold = 2, StubbornnessByNode = s, InitialAttitudes = x0,
                MaxPeriods = 100_000, AttitudeTolerance = tolerance,
            };
            DiffusionTrace trace = kelman.Simulate(g, [], seed: 1);
            OpinionOutcome outcome = OpinionSimulator.Simulate(
                new OpinionRequest(g, new FriedkinJohnsenModel { StubbornnessByNode = s }, x0) { Tolerance = tolerance, MaxPeriods = 100_000 });

            Assert.Equal(1, outcome.Converged.Mean);
            for (int v = 0; v < n; v++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(outcome.FinalOpinions[v]), BitConverter.DoubleToInt64Bits(trace.Attitudes![v].Value));
            }
        });
}
