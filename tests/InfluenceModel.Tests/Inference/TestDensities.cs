using InfluenceModel.Inference;
using MathNet.Numerics.LinearAlgebra;

namespace InfluenceModel.Tests.Inference;

/// <summary>Multivariate normal N(μ, Σ): log p = −½(x − μ)ᵀΣ⁻¹(x − μ), ∇ = −Σ⁻¹(x − μ).</summary>
internal sealed class GaussianDensity : ILogDensity
{
    private readonly double[] _mean;
    private readonly double[] _precision; // row-major

    public GaussianDensity(double[] mean, Matrix<double> covariance)
    {
        _mean = mean;
        Covariance = covariance;
        _precision = covariance.Inverse().ToRowMajorArray();
    }

    public Matrix<double> Covariance { get; }

    public IReadOnlyList<double> Mean => _mean;

    public int Dimension => _mean.Length;

    /// <summary>AR(1)-style correlation ρ^|i−j| with standard deviations <paramref name="sd"/>.</summary>
    public static GaussianDensity Ar(double[] mean, double[] sd, double rho) =>
        new(mean, Matrix<double>.Build.Dense(mean.Length, mean.Length, (i, j) => sd[i] * sd[j] * Math.Pow(rho, Math.Abs(i - j))));

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        int n = _mean.Length;
        double value = 0;
        for (int i = 0; i < n; i++)
        {
            double g = 0;
            for (int j = 0; j < n; j++)
            {
                g -= _precision[(i * n) + j] * (x[j] - _mean[j]);
            }

            gradient[i] = g;
            value += 0.5 * g * (x[i] - _mean[i]);
        }

        return value;
    }
}

/// <summary>Eight schools, non-centred (Rubin 1981; Gelman et al. BDA3 §5.5): parameters (μ, log τ, η₁..η₈).</summary>
internal sealed class EightSchools : ILogDensity
{
    public static readonly double[] Y = [28, 8, -3, 7, -1, 1, 18, 12];
    public static readonly double[] Sigma = [15, 10, 16, 11, 9, 11, 10, 18];

    public int Dimension => 10;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        double mu = x[0], logTau = x[1], tau = Math.Exp(logTau);
        // μ ~ N(0, 5); τ ~ HalfCauchy(0, 5) with Jacobian τ: log p(u) = −log(1 + τ²/25) + u.
        double value = (-0.5 * mu * mu / 25) - Math.Log(1 + (tau * tau / 25)) + logTau;
        double dMu = -mu / 25;
        double dLogTau = (-2 * tau * tau / 25 / (1 + (tau * tau / 25))) + 1;
        for (int j = 0; j < 8; j++)
        {
            double eta = x[2 + j];
            double theta = mu + (tau * eta);
            double r = (Y[j] - theta) / Sigma[j];
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
