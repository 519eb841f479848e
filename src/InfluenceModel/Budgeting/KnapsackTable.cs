namespace InfluenceModel.Budgeting;

/// <summary>
/// The dynamic program of the discrete-time dynamic and stochastic knapsack (Kleywegt and Papastavrou 1998;
/// Papastavrou, Rajagopalan and Kleywegt 1996): stages s = 0 … N−1 (N = periods × steps), at most one arrival per stage
/// with probability p_s, an item of weight w_j units with probability π_j and random reward R_j. With W(N, b) = 0,
/// W(s, b) = W(s+1, b) + p_s·Σ_j π_j·1{w_j ≤ b}·E[(R_j − (W(s+1, b) − W(s+1, b − w_j)))⁺],
/// and at the first stage of each period the option to commit x units at r_t per unit:
/// W(s, b) ← max_{0≤x≤b} r_t·x + W(s, b − x). Accepting an item is optimal exactly when R ≥ W(s+1, b) − W(s+1, b − w).
/// Immutable after <see cref="Solve"/>.
/// </summary>
internal sealed class KnapsackTable
{
    private readonly double[] _value;
    private readonly int[] _commit;

    private KnapsackTable(int periods, int steps, int units)
    {
        StepsPerPeriod = steps;
        Units = units;
        _value = new double[((periods * steps) + 1) * (units + 1)];
        _commit = new int[periods * (units + 1)];
    }

    public int StepsPerPeriod { get; }

    public int Units { get; }

    /// <summary>W(s, b): the optimal expected value-to-go at stage s with b units left.</summary>
    public double Value(int stage, int units) => _value[(stage * (Units + 1)) + units];

    /// <summary>The optimal number of units to commit at the start of <paramref name="period"/> with b units left.</summary>
    public int CommitUnits(int period, int units) => _commit[(period * (Units + 1)) + units];

    /// <summary>The marginal value W(s+1, b) − W(s+1, b − w) an item arriving at stage s must beat.</summary>
    public double Threshold(int stage, int units, int weight) =>
        Value(stage + 1, units) - Value(stage + 1, units - weight);

    /// <param name="periods">Periods T.</param>
    /// <param name="steps">Steps S per period.</param>
    /// <param name="units">Budget units K.</param>
    /// <param name="arrivalProbability">p_s per stage (length T·S).</param>
    /// <param name="weights">w_j in units (≥ 1).</param>
    /// <param name="probabilities">π_j, summing to 1.</param>
    /// <param name="expectedExcess">(j, Δ) ↦ E[(R_j − Δ)⁺].</param>
    /// <param name="commitValuePerUnit">r_t per period, or null when committing is not an option.</param>
    /// <param name="cancellationToken">Cancels between stages.</param>
    public static KnapsackTable Solve(
        int periods,
        int steps,
        int units,
        double[] arrivalProbability,
        int[] weights,
        double[] probabilities,
        Func<int, double, double> expectedExcess,
        double[]? commitValuePerUnit,
        CancellationToken cancellationToken = default)
    {
        var table = new KnapsackTable(periods, steps, units);
        int width = units + 1;
        double[] v = table._value;
        var scratch = new double[width];
        for (int s = (periods * steps) - 1; s >= 0; s--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int next = (s + 1) * width, here = s * width;
            double p = arrivalProbability[s];
            for (int b = 0; b <= units; b++)
            {
                double gain = 0;
                if (p > 0)
                {
                    for (int j = 0; j < weights.Length; j++)
                    {
                        int w = weights[j];
                        if (w <= b)
                        {
                            gain += probabilities[j] * expectedExcess(j, v[next + b] - v[next + b - w]);
                        }
                    }
                }

                v[here + b] = v[next + b] + (p * gain);
            }

            if (commitValuePerUnit is not null && s % steps == 0)
            {
                int t = s / steps;
                double r = commitValuePerUnit[t];
                for (int b = 0; b <= units; b++)
                {
                    double best = v[here + b];
                    int arg = 0;
                    for (int x = 1; x <= b; x++)
                    {
                        double candidate = (r * x) + v[here + b - x];
                        if (candidate > best * (1 + 1e-12) + 1e-300)
                        {
                            best = candidate;
                            arg = x;
                        }
                    }

                    scratch[b] = best;
                    table._commit[(t * width) + b] = arg;
                }

                Array.Copy(scratch, 0, v, here, width);
            }
        }

        return table;
    }
}
