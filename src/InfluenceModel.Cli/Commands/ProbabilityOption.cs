using System.Globalization;
using InfluenceModel.Networks;

namespace InfluenceModel.Cli.Commands;

/// <summary>The `--probability wc|uniform:P|trivalency|weights` option shared by `spread` and `seeds`.</summary>
internal static class ProbabilityOption
{
    /// <summary>The help text of `--probability`, the same on both commands.</summary>
    public const string Description = "Arc probabilities / weights: wc (weighted cascade 1/indeg), uniform:P (e.g. uniform:0.01), trivalency, or weights (the file's third column).";

    public static EdgeProbabilities Parse(string text)
    {
        if (text.StartsWith("uniform:", StringComparison.Ordinal))
        {
            return double.TryParse(text.AsSpan(8), NumberStyles.Float, CultureInfo.InvariantCulture, out double p) && p is >= 0 and <= 1
                ? EdgeProbabilities.Uniform(p)
                : throw new CliInputException($"--probability uniform:P needs P in [0, 1]; it was '{text}'.");
        }

        return text switch
        {
            "wc" => EdgeProbabilities.WeightedCascade,
            "trivalency" => EdgeProbabilities.Trivalency(),
            "weights" => EdgeProbabilities.FromWeights,
            _ => throw new CliInputException($"--probability must be wc, uniform:P, trivalency or weights; it was '{text}'."),
        };
    }
}
