using InfluenceModel.Internal;

namespace InfluenceModel.Budgeting;

/// <summary>
/// One simulated year: launch outcomes and the opportunity stream, drawn only from the (seed, year) random stream and
/// the plan model — never from the policy — so that every policy sees the same year (common random numbers).
/// Scratch buffers are reused across the years of a chunk; not thread-safe.
/// </summary>
internal sealed class YearScenario
{
    internal const double PoissonPiece = 30;

    public YearScenario(PlanModel model)
    {
        Failed = new bool[model.Channels];
        PeriodStart = new int[model.Periods + 1];
        int capacity = 16;
        Time = new double[capacity];
        Cost = new double[capacity];
        Multiple = new double[capacity];
    }

    public bool[] Failed { get; }

    /// <summary>Index of the first opportunity of each period; PeriodStart[T] is the count.</summary>
    public int[] PeriodStart { get; }

    /// <summary>Arrival time within its period, in [0, 1), ascending within a period.</summary>
    public double[] Time { get; private set; }

    public double[] Cost { get; private set; }

    public double[] Multiple { get; private set; }

    public int Count { get; private set; }

    /// <summary>Draws year <paramref name="year"/> of the experiment seeded with <paramref name="seed"/>.</summary>
    public void Generate(PlanModel model, ulong seed, int year)
    {
        var rng = new Xoshiro256(seed, (ulong)year);
        for (int c = 0; c < Failed.Length; c++)
        {
            Failed[c] = rng.NextDouble() < model.FailureProbability[c];
        }

        double costSigma = model.Process.CostSigma, valueSigma = model.Process.ValueMultipleSigma;
        int n = 0;
        for (int t = 0; t < model.Periods; t++)
        {
            PeriodStart[t] = n;
            int arrivals = Poisson(ref rng, model.Rate[t], model.PoissonZero[t]);
            if (n + arrivals > Time.Length)
            {
                Grow(n + arrivals);
            }

            for (int k = 0; k < arrivals; k++)
            {
                double u = rng.NextDouble();
                rng.NextGaussianPair(out double z1, out double z2);
                // σ = 0 draws exactly the median: exp(ln 10,000) is 10,000.00000000001, which no longer fits a pool of 10,000.
                double cost = costSigma == 0 ? model.Process.CostMedian : Math.Exp(model.LogCostMedian + (costSigma * z1));
                double multiple = valueSigma == 0 ? model.Process.ValueMultipleMedian : Math.Exp(model.LogValueMedian + (valueSigma * z2));
                // Insertion into the period's time order (a handful of arrivals per period).
                int j = n + k;
                while (j > PeriodStart[t] && Time[j - 1] > u)
                {
                    Time[j] = Time[j - 1];
                    Cost[j] = Cost[j - 1];
                    Multiple[j] = Multiple[j - 1];
                    j--;
                }

                Time[j] = u;
                Cost[j] = cost;
                Multiple[j] = multiple;
            }

            n += arrivals;
        }

        PeriodStart[model.Periods] = n;
        Count = n;
    }

    /// <summary>Poisson(λ) by sequential inversion, λ split into pieces of at most 30 so that e^{−λ} never underflows.</summary>
    private static int Poisson(ref Xoshiro256 rng, double lambda, double firstZero)
    {
        int total = 0;
        bool first = true;
        while (lambda > 0)
        {
            double piece = Math.Min(lambda, PoissonPiece);
            lambda -= piece;
            double u = rng.NextDouble();
            double p = first ? firstZero : Math.Exp(-piece);
            first = false;
            double cdf = p;
            int k = 0;
            while (u >= cdf && k < 1000)
            {
                k++;
                p *= piece / k;
                cdf += p;
            }

            total += k;
        }

        return total;
    }

    private void Grow(int needed)
    {
        int size = Math.Max(needed, Time.Length * 2);
        var time = Time;
        var cost = Cost;
        var multiple = Multiple;
        Array.Resize(ref time, size);
        Array.Resize(ref cost, size);
        Array.Resize(ref multiple, size);
        Time = time;
        Cost = cost;
        Multiple = multiple;
    }
}
