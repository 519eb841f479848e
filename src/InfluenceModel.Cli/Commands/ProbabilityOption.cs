using System.Globalization;
using InfluenceModel.Networks;

namespace InfluenceModel.Cli.Commands;

/// <summary>The `--probability wc|uniform:P|trivalency|weights` option shared by `spread` and `seeds`.</summary>
internal static class ProbabilityOption
{
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
