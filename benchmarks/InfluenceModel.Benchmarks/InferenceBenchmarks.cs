using BenchmarkDotNet.Attributes;
using InfluenceModel.Inference;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// NUTS, Stan defaults: 4 chains × (1,000 warm-up + 1,000 draws) on two cores, for a 10-D Gaussian with AR correlation
/// 0.9 and for eight schools (non-centred); and the summary (R-hat, ESS, HDI, MCSE) of the 10 × 4,000 draws.
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private static readonly NutsOptions Options = new() { Chains = 4, Warmup = 1000, Draws = 1000, Seed = 1, MaxDegreeOfParallelism = 2 };
    private ILogDensity _density = null!;
    private PosteriorSample _sample = null!;

    /// <summary>The target density.</summary>
    [Params("Gaussian10", "EightSchools")]
    public string Model { get; set; } = "Gaussian10";

    [GlobalSetup]
    public void Setup()
    {
        _density = Model == "Gaussian10" ? new Gaussian10() : new EightSchools();
        _sample = NutsSampler.Sample(_density, Options);
    }

    [Benchmark]
    public PosteriorSample Sample() => NutsSampler.Sample(_density, Options);

    /// <summary>Diagnostics of 10 parameters × 4,000 draws (a new sample object so the lazy summary is recomputed).</summary>
    [Benchmark]
    public IReadOnlyList<ParameterSummary> Summary()
    {
        var values = new double[_sample.Chains * _sample.Draws * _sample.Dimension];
        for (int c = 0; c < _sample.Chains; c++)
        {
            for (int d = 0; d < _sample.Draws; d++)
            {
                _sample.Draw(c, d).CopyTo(values.AsSpan(((c * _sample.Draws) + d) * _sample.Dimension));
            }
        }

        return new PosteriorSample(_sample.Chains, _sample.Draws, _sample.ParameterNames, values, _sample.Diagnostics).Summary;
    }

    /// <summary>N(μ, Σ), Σ_ij = s_i·s_j·0.9^|i−j|, via its precision matrix.</summary>
    private sealed class Gaussian10 : ILogDensity
    {
        private readonly double[] _mean = [1, -2, 3, 0, 0.5, -1, 2, 10, -5, 0];
        private readonly double[] _precision;

        public Gaussian10()
        {
            double[] sd = [1, 2, 0.5, 1, 3, 1, 1, 0.1, 2, 1];
            var covariance = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(10, 10, (i, j) => sd[i] * sd[j] * Math.Pow(0.9, Math.Abs(i - j)));
            _precision = covariance.Inverse().ToRowMajorArray();
        }

        public int Dimension => 10;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double value = 0;
            for (int i = 0; i < 10; i++)
            {
                double g = 0;
                for (int j = 0; j < 10; j++)
                {
                    g -= _precision[(i * 10) + j] * (x[j] - _mean[j]);
                }

                gradient[i] = g;
                value += 0.5 * g * (x[i] - _mean[i]);
            }

            return value;
        }
    }

    /// <summary>Eight schools, non-centred: (μ, log τ, η₁..η₈), μ ~ N(0, 5), τ ~ HalfCauchy(0, 5), η ~ N(0, 1).</summary>
    private sealed class EightSchools : ILogDensity
    {
        private static readonly double[] Y = [28, 8, -3, 7, -1, 1, 18, 12];
        private static readonly double[] Sigma = [15, 10, 16, 11, 9, 11, 10, 18];

        public int Dimension => 10;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double mu = x[0], logTau = x[1], tau = Math.Exp(logTau);
            double value = (-0.5 * mu * mu / 25) - Math.Log(1 + (tau * tau / 25)) + logTau;
            double dMu = -mu / 25, dLogTau = (-2 * tau * tau / 25 / (1 + (tau * tau / 25))) + 1;
            for (int j = 0; j < 8; j++)
            {
                double eta = x[2 + j], r = (Y[j] - mu - (tau * eta)) / Sigma[j];
                value += (-0.5 * eta * eta) - (0.5 * r * r);
                double dTheta = r / Sigma[j];
                dMu += dTheta;
                dLogTau += dTheta * tau * eta;
                gradient[2 + j] = -eta + (dTheta * tau);
            }

            gradient[0] = dMu;
            gradient[1] = dLogTau;
            return value;
        }
    }
}
