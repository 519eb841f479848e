using System.Numerics;
using InfluenceModel.Internal;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.IntegralTransforms;

namespace InfluenceModel.Inference;

/// <summary>
/// Convergence and precision diagnostics of MCMC draws after Vehtari, Gelman, Simpson, Carpenter and Bürkner (2021),
/// "Rank-normalization, folding, and localization: an improved R-hat for assessing convergence of MCMC", as computed by
/// the R package posterior and ArviZ: rank-normalised split R-hat, bulk- and tail-ESS, MCSE of the mean, and the
/// highest-density interval.
/// </summary>
/// <remarks>
/// <para>Inputs are one array per chain, all of one length n ≥ 4, all values finite. Chains are split in halves (the
/// middle draw dropped when n is odd), so m chains give 2m sequences of ⌊n/2⌋.</para>
/// <para>ESS uses the autocovariances of every sequence (by FFT), combined over sequences as in Stan, truncated by
/// Geyer's initial positive sequence and made monotone (Geyer's initial monotone sequence); τ̂ is bounded below by
/// 1/log10(S). A constant input (zero variance) has ESS = S, the number of draws, and R-hat 1; sequences each constant
/// at different values have R-hat +∞.</para>
/// </remarks>
public static class PosteriorDiagnostics
{
    /// <summary>Rank-normalised split R-hat: the larger of the bulk R-hat (on rank-normalised split chains) and the
    /// tail R-hat (the same on |x − median|).</summary>
    /// <param name="chains">One array per chain, equal lengths ≥ 4, finite values.</param>
    /// <returns>R-hat ≥ about 1 (below 1.01 is the usual convergence threshold); +∞ when each sequence is constant but they differ.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chains"/> or a chain is null.</exception>
    /// <exception cref="ArgumentException">No chains, or chains of different lengths or shorter than 4.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite.</exception>
    public static double SplitRhat(IReadOnlyList<double[]> chains)
    {
        double[][] split = Split(Check(chains));
        double bulk = RhatBasic(RankNormalize(split));
        double median = Quantile(SortedAll(chains), 0.5);
        double[][] folded = Map(split, v => Math.Abs(v - median));
        double tail = RhatBasic(RankNormalize(folded));
        return Math.Max(bulk, tail);
    }

    /// <summary>Bulk effective sample size: the ESS of the rank-normalised split chains.</summary>
    /// <param name="chains">One array per chain, equal lengths ≥ 4, finite values.</param>
    /// <returns>The ESS, in (0, S·log10 S] for S draws (it may exceed S for antithetic chains).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chains"/> or a chain is null.</exception>
    /// <exception cref="ArgumentException">No chains, or chains of different lengths or shorter than 4.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite.</exception>
    public static double EssBulk(IReadOnlyList<double[]> chains) => EssBasic(RankNormalize(Split(Check(chains))));

    /// <summary>Tail effective sample size: the smaller ESS of the indicators I(x ≤ q₀.₀₅) and I(x ≤ q₀.₉₅) on split chains.</summary>
    /// <param name="chains">One array per chain, equal lengths ≥ 4, finite values.</param>
    /// <returns>The ESS, &gt; 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chains"/> or a chain is null.</exception>
    /// <exception cref="ArgumentException">No chains, or chains of different lengths or shorter than 4.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite.</exception>
    public static double EssTail(IReadOnlyList<double[]> chains)
    {
        double[][] split = Split(Check(chains));
        double[] sorted = SortedAll(chains);
        double q05 = Quantile(sorted, 0.05), q95 = Quantile(sorted, 0.95);
        double ess05 = EssBasic(Map(split, v => v <= q05 ? 1.0 : 0.0));
        double ess95 = EssBasic(Map(split, v => v <= q95 ? 1.0 : 0.0));
        return Math.Min(ess05, ess95);
    }

    /// <summary>The ESS for the mean: the ESS of the split chains on their own scale.</summary>
    /// <param name="chains">One array per chain, equal lengths ≥ 4, finite values.</param>
    /// <returns>The ESS, &gt; 0.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chains"/> or a chain is null.</exception>
    /// <exception cref="ArgumentException">No chains, or chains of different lengths or shorter than 4.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite.</exception>
    public static double EssMean(IReadOnlyList<double[]> chains) => EssBasic(Split(Check(chains)));

    /// <summary>Monte-Carlo standard error of the posterior mean: sd/√ESS_mean (sd over all draws, n − 1 denominator).</summary>
    /// <param name="chains">One array per chain, equal lengths ≥ 4, finite values.</param>
    /// <returns>The MCSE, ≥ 0, in the unit of the values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="chains"/> or a chain is null.</exception>
    /// <exception cref="ArgumentException">No chains, or chains of different lengths or shorter than 4.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite.</exception>
    public static double McseMean(IReadOnlyList<double[]> chains)
    {
        (_, double sd) = MeanAndSd(Check(chains));
        return sd / Math.Sqrt(EssMean(chains));
    }

    /// <summary>The highest-density interval: the shortest interval [x₍ᵢ₎, x₍ᵢ₊ₖ₎] of the sorted values with
    /// k = ⌊probability·N⌋ (as ArviZ).</summary>
    /// <param name="values">The draws (any order); at least one, all finite.</param>
    /// <param name="probability">The probability mass, in (0, 1); default 0.94.</param>
    /// <returns>The interval's ends, Low ≤ High.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside (0, 1), or a value is NaN or infinite.</exception>
    public static (double Low, double High) Hdi(ReadOnlySpan<double> values, double probability = 0.94)
    {
        Guard.InOpenRange(probability, 0, 1, nameof(probability));
        if (values.IsEmpty)
        {
            throw new ArgumentException("At least one value is needed for an interval.", nameof(values));
        }

        double[] sorted = values.ToArray();
        foreach (double v in sorted)
        {
            Guard.Finite(v, nameof(values));
        }

        Array.Sort(sorted);
        return HdiSorted(sorted, probability);
    }

    /// <summary>The full summary of one parameter (mean, sd, 94 % HDI, R-hat, ESS, MCSE).</summary>
    internal static ParameterSummary Summarize(string name, double[][] chains)
    {
        Check(chains);
        (double mean, double sd) = MeanAndSd(chains);
        double[] sorted = SortedAll(chains);
        (double low, double high) = HdiSorted(sorted, 0.94);
        double[][] split = Split(chains);
        double median = Quantile(sorted, 0.5);
        double[][] ranked = RankNormalize(split);
        double rhat = Math.Max(RhatBasic(ranked), RhatBasic(RankNormalize(Map(split, v => Math.Abs(v - median)))));
        double q05 = Quantile(sorted, 0.05), q95 = Quantile(sorted, 0.95);
        double essTail = Math.Min(EssBasic(Map(split, v => v <= q05 ? 1.0 : 0.0)), EssBasic(Map(split, v => v <= q95 ? 1.0 : 0.0)));
        return new ParameterSummary
        {
            Name = name,
            Mean = mean,
            StandardDeviation = sd,
            Hdi94Low = low,
            Hdi94High = high,
            Rhat = rhat,
            EssBulk = EssBasic(ranked),
            EssTail = essTail,
            McseMean = sd / Math.Sqrt(EssBasic(split)),
        };
    }

    private static (double Low, double High) HdiSorted(double[] sorted, double probability)
    {
        int n = sorted.Length;
        int included = (int)Math.Floor(probability * n);
        int best = 0;
        double width = double.PositiveInfinity;
        for (int i = 0; i + included < n; i++)
        {
            double w = sorted[i + included] - sorted[i];
            if (w < width)
            {
                width = w;
                best = i;
            }
        }

        return (sorted[best], sorted[best + included]);
    }

    private static IReadOnlyList<double[]> Check(IReadOnlyList<double[]> chains)
    {
        ArgumentNullException.ThrowIfNull(chains);
        if (chains.Count == 0)
        {
            throw new ArgumentException("At least one chain is needed.", nameof(chains));
        }

        int n = -1;
        for (int c = 0; c < chains.Count; c++)
        {
            double[] chain = chains[c] ?? throw new ArgumentNullException(nameof(chains), $"chains[{c}] is null.");
            if (n < 0)
            {
                n = chain.Length;
                if (n < 4)
                {
                    throw new ArgumentException($"Every chain needs at least 4 draws; chains[0] has {n}.", nameof(chains));
                }
            }
            else if (chain.Length != n)
            {
                throw new ArgumentException($"All chains must have the same length; chains[0] has {n}, chains[{c}] has {chain.Length}.", nameof(chains));
            }

            foreach (double v in chain)
            {
                Guard.Finite(v, nameof(chains));
            }
        }

        return chains;
    }

    /// <summary>Each chain's first and last ⌊n/2⌋ draws as two sequences.</summary>
    private static double[][] Split(IReadOnlyList<double[]> chains)
    {
        int n = chains[0].Length, half = n / 2;
        var split = new double[2 * chains.Count][];
        for (int c = 0; c < chains.Count; c++)
        {
            split[2 * c] = chains[c].AsSpan(0, half).ToArray();
            split[(2 * c) + 1] = chains[c].AsSpan(n - half, half).ToArray();
        }

        return split;
    }

    private static double[][] Map(double[][] sequences, Func<double, double> f)
    {
        var result = new double[sequences.Length][];
        for (int s = 0; s < sequences.Length; s++)
        {
            var mapped = new double[sequences[s].Length];
            for (int i = 0; i < mapped.Length; i++)
            {
                mapped[i] = f(sequences[s][i]);
            }

            result[s] = mapped;
        }

        return result;
    }

    /// <summary>z = Φ⁻¹((r − 3/8)/(S + 1/4)) with r the pooled rank (ties averaged) and S the number of draws (Blom).</summary>
    private static double[][] RankNormalize(double[][] sequences)
    {
        int length = sequences[0].Length, total = sequences.Length * length;
        var values = new double[total];
        var index = new int[total];
        for (int s = 0; s < sequences.Length; s++)
        {
            sequences[s].CopyTo(values, s * length);
        }

        for (int i = 0; i < total; i++)
        {
            index[i] = i;
        }

        Array.Sort(values, index);
        var result = new double[sequences.Length][];
        for (int s = 0; s < result.Length; s++)
        {
            result[s] = new double[length];
        }

        int start = 0;
        while (start < total)
        {
            int end = start + 1;
            while (end < total && values[end] == values[start])
            {
                end++;
            }

            double rank = ((start + 1) + end) / 2.0; // average of ranks start+1..end
            double z = Normal.InvCDF(0, 1, (rank - 0.375) / (total + 0.25));
            for (int i = start; i < end; i++)
            {
                result[index[i] / length][index[i] % length] = z;
            }

            start = end;
        }

        return result;
    }

    /// <summary>The classic split R-hat of already split sequences: √(((n−1)/n·W + B/n)/W).</summary>
    private static double RhatBasic(double[][] sequences)
    {
        int m = sequences.Length, n = sequences[0].Length;
        var means = new double[m];
        double within = 0;
        for (int s = 0; s < m; s++)
        {
            (means[s], double sd) = MeanAndSd(sequences[s]);
            within += sd * sd;
        }

        within /= m;
        double between = m > 1 ? n * Variance(means) : 0;
        if (within <= 0)
        {
            return between <= 0 ? 1 : double.PositiveInfinity;
        }

        double varianceHat = ((n - 1.0) / n * within) + (between / n);
        return Math.Sqrt(varianceHat / within);
    }

    /// <summary>ESS of already split sequences (Stan/ArviZ: combined autocorrelations, Geyer's initial monotone sequence).</summary>
    private static double EssBasic(double[][] sequences)
    {
        int m = sequences.Length, n = sequences[0].Length;
        double total = (double)m * n;
        var acov = new double[m][];
        var means = new double[m];
        double meanVariance = 0;
        for (int s = 0; s < m; s++)
        {
            acov[s] = Autocovariance(sequences[s], out means[s]);
            meanVariance += acov[s][0];
        }

        meanVariance = meanVariance / m * n / (n - 1.0);
        double varPlus = meanVariance * (n - 1.0) / n;
        if (m > 1)
        {
            varPlus += Variance(means);
        }

        if (!(varPlus > 0))
        {
            return total; // every draw equal: the mean is known exactly
        }

        double MeanAcov(int lag)
        {
            double sum = 0;
            for (int s = 0; s < m; s++)
            {
                sum += acov[s][lag];
            }

            return sum / m;
        }

        var rho = new double[n];
        double rhoEven = 1, rhoOdd = 1 - ((meanVariance - MeanAcov(1)) / varPlus);
        rho[0] = rhoEven;
        rho[1] = rhoOdd;
        int t = 1;
        while (t < n - 3 && rhoEven + rhoOdd > 0)
        {
            rhoEven = 1 - ((meanVariance - MeanAcov(t + 1)) / varPlus);
            rhoOdd = 1 - ((meanVariance - MeanAcov(t + 2)) / varPlus);
            if (rhoEven + rhoOdd >= 0)
            {
                rho[t + 1] = rhoEven;
                rho[t + 2] = rhoOdd;
            }

            t += 2;
        }

        int maxT = t - 2;
        if (rhoEven > 0)
        {
            rho[maxT + 1] = rhoEven;
        }

        for (t = 1; t <= maxT - 2; t += 2)
        {
            if (rho[t + 1] + rho[t + 2] > rho[t - 1] + rho[t])
            {
                rho[t + 1] = (rho[t - 1] + rho[t]) / 2;
                rho[t + 2] = rho[t + 1];
            }
        }

        double sumRho = 0;
        for (int i = 0; i <= maxT; i++)
        {
            sumRho += rho[i];
        }

        double tau = -1 + (2 * sumRho) + rho[maxT + 1];
        tau = Math.Max(tau, 1 / Math.Log10(total));
        return total / tau;
    }

    /// <summary>The biased autocovariances γ(t) = (1/n)Σ(x_i − x̄)(x_{i+t} − x̄), t = 0..n−1, by zero-padded FFT.</summary>
    private static double[] Autocovariance(double[] x, out double mean)
    {
        int n = x.Length;
        mean = 0;
        foreach (double v in x)
        {
            mean += v;
        }

        mean /= n;
        int size = 1;
        while (size < 2 * n)
        {
            size <<= 1;
        }

        var buffer = new Complex[size];
        for (int i = 0; i < n; i++)
        {
            buffer[i] = new Complex(x[i] - mean, 0);
        }

        Fourier.Forward(buffer, FourierOptions.NoScaling);
        for (int i = 0; i < size; i++)
        {
            double magnitude = (buffer[i].Real * buffer[i].Real) + (buffer[i].Imaginary * buffer[i].Imaginary);
            buffer[i] = new Complex(magnitude, 0);
        }

        Fourier.Inverse(buffer, FourierOptions.NoScaling);
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = buffer[i].Real / size / n;
        }

        return result;
    }

    private static (double Mean, double Sd) MeanAndSd(IReadOnlyList<double[]> chains)
    {
        double sum = 0;
        long count = 0;
        foreach (double[] chain in chains)
        {
            foreach (double v in chain)
            {
                sum += v;
                count++;
            }
        }

        double mean = sum / count, squares = 0;
        foreach (double[] chain in chains)
        {
            foreach (double v in chain)
            {
                squares += (v - mean) * (v - mean);
            }
        }

        return (mean, count > 1 ? Math.Sqrt(squares / (count - 1)) : 0);
    }

    private static (double Mean, double Sd) MeanAndSd(double[] values) => MeanAndSd([values]);

    private static double Variance(double[] values) => Math.Pow(MeanAndSd(values).Sd, 2);

    private static double[] SortedAll(IReadOnlyList<double[]> chains)
    {
        int total = 0;
        foreach (double[] chain in chains)
        {
            total += chain.Length;
        }

        var all = new double[total];
        int offset = 0;
        foreach (double[] chain in chains)
        {
            chain.CopyTo(all, offset);
            offset += chain.Length;
        }

        Array.Sort(all);
        return all;
    }

    /// <summary>The type-7 (linear interpolation) quantile of sorted values, as R's default and NumPy's.</summary>
    private static double Quantile(double[] sorted, double probability)
    {
        double h = (sorted.Length - 1) * probability;
        int low = (int)Math.Floor(h);
        return low + 1 < sorted.Length ? sorted[low] + ((h - low) * (sorted[low + 1] - sorted[low])) : sorted[low];
    }
}
