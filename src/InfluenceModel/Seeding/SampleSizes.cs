using MathNet.Numerics;

namespace InfluenceModel.Seeding;

/// <summary>
/// The sample-size and confidence-bound arithmetic of IMM (Tang, Shi, Xiao 2015, with Chen 2018's correction) and
/// OPIM-C (Tang, Tang, Xiao, Yuan 2018). n is the number of nodes (RR roots are uniform over all of them), k the number
/// of free seeds, and <c>choices</c> the number of nodes they are chosen from (ln C(choices, k) is the union bound).
/// </summary>
internal static class SampleSizes
{
    /// <summary>1 − 1/e, the greedy maximum-coverage ratio.</summary>
    public const double GreedyRatio = 1.0 - (1.0 / Math.E);

    /// <summary>ln C(n, k).</summary>
    public static double LogBinomial(int n, int k) => k <= 0 || k >= n ? 0.0 : SpecialFunctions.BinomialLn(n, k);

    /// <summary>OPIM-C's parameters: initial θ₀ per collection, θ_max and the number of rounds i_max.</summary>
    public static (double ThetaZero, double ThetaMax, int Rounds) Opimc(int n, int choices, int k, double epsilon, double delta)
    {
        double alpha = Math.Sqrt(Math.Log(6.0 / delta));
        double beta = Math.Sqrt(GreedyRatio * (LogBinomial(choices, k) + Math.Log(6.0 / delta)));
        double core = 2.0 * Square((GreedyRatio * alpha) + beta);
        double thetaMax = core * n / (k * epsilon * epsilon);
        double thetaZero = Math.Min(thetaMax, core);
        // Round i holds θ₀·2^(i−1) sets per collection; the last round reaches θ_max (conservative by one doubling at most).
        int rounds = 1 + (int)Math.Ceiling(Math.Log2(thetaMax / thetaZero));
        return (thetaZero, thetaMax, rounds);
    }

    /// <summary>
    /// OPIM-C's lower confidence bound on the expected spread of a set that covers <paramref name="covered"/> of
    /// <paramref name="sets"/> independent RR sets: ((√(Λ + 2a/9) − √(a/2))² − a/18)·n/θ, never below 0.
    /// </summary>
    public static double SpreadLowerBound(long covered, long sets, int n, double a)
    {
        double root = Math.Sqrt(covered + (2.0 * a / 9.0)) - Math.Sqrt(a / 2.0);
        double lower = (root > 0 ? root * root : 0.0) - (a / 18.0);
        return Math.Max(0.0, lower) * n / sets;
    }

    /// <summary>OPIM-C's upper confidence bound on the optimum from a coverage bound Λᵘ: (√(Λᵘ + a/2) + √(a/2))²·n/θ.</summary>
    public static double SpreadUpperBound(double coverageBound, long sets, int n, double a) =>
        Square(Math.Sqrt(coverageBound + (a / 2.0)) + Math.Sqrt(a / 2.0)) * n / sets;

    /// <summary>IMM's ℓ′ = ℓ(1 + ln 2/ln n) for δ = n^(−ℓ), i.e. ℓ = ln(1/δ)/ln n.</summary>
    public static double ImmEll(int n, double delta)
    {
        double logN = Math.Log(Math.Max(n, 2));
        return Math.Log(1.0 / delta) / logN * (1.0 + (Math.Log(2.0) / logN));
    }

    /// <summary>IMM's λ′ = (2 + 2ε′/3)(ln C(n,k) + ℓ ln n + ln log₂ n)·n/ε′², with ε′ = √2·ε.</summary>
    public static double ImmLambdaPrime(int n, int choices, int k, double epsilon, double ell)
    {
        double epsPrime = Math.Sqrt(2.0) * epsilon;
        double logN = Math.Log(Math.Max(n, 2));
        double logLog = Math.Log(Math.Max(1.0, Math.Log2(Math.Max(n, 2))));
        return (2.0 + (2.0 * epsPrime / 3.0)) * (LogBinomial(choices, k) + (ell * logN) + logLog) * n / (epsPrime * epsPrime);
    }

    /// <summary>IMM's λ* = 2n((1 − 1/e)α + β)²/ε², α = √(ℓ ln n + ln 2), β = √((1 − 1/e)(ln C(n,k) + ℓ ln n + ln 2)).</summary>
    public static double ImmLambdaStar(int n, int choices, int k, double epsilon, double ell)
    {
        double logN = Math.Log(Math.Max(n, 2));
        double alpha = Math.Sqrt((ell * logN) + Math.Log(2.0));
        double beta = Math.Sqrt(GreedyRatio * (LogBinomial(choices, k) + (ell * logN) + Math.Log(2.0)));
        return 2.0 * n * Square((GreedyRatio * alpha) + beta) / (epsilon * epsilon);
    }

    /// <summary>A sample count rounded up and kept within what one collection can hold.</summary>
    public static int ToCount(double theta) => (int)Math.Clamp(Math.Ceiling(theta), 1.0, int.MaxValue / 2.0);

    private static double Square(double x) => x * x;
}
