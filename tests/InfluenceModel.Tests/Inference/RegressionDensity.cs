using InfluenceModel.Inference;
using MathNet.Numerics.LinearAlgebra;

namespace InfluenceModel.Tests.Inference;

/// <summary>
/// Bayesian linear regression with known noise σ and prior β ~ N(0, s0²·I): the posterior is N(m, V) with
/// V = (XᵀX/σ² + I/s0²)⁻¹ and m = V·Xᵀy/σ² (conjugate; Bishop 2006 §3.3).
/// </summary>
internal sealed class RegressionDensity : ILogDensity
{
    private readonly Matrix<double> _x;
    private readonly Vector<double> _y;
    private readonly double _sigma;
    private readonly double _priorSd;

    public RegressionDensity(int n, int p, double sigma, double priorSd, ulong seed)
    {
        var rng = new Random((int)seed);
        _x = Matrix<double>.Build.Dense(n, p, (i, j) => j == 0 ? 1 : (2 * rng.NextDouble()) - 1 + (0.5 * Math.Sin(i + j)));
        var beta = Vector<double>.Build.Dense(p, j => (j % 2 == 0 ? 1 : -1) * (0.5 + j));
        _y = (_x * beta) + Vector<double>.Build.Dense(n, _ => sigma * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));
        _sigma = sigma;
        _priorSd = priorSd;
        var precision = (_x.TransposeThisAndMultiply(_x) / (sigma * sigma)) + (Matrix<double>.Build.DenseIdentity(p) / (priorSd * priorSd));
        PosteriorCovariance = precision.Inverse();
        PosteriorMean = PosteriorCovariance * (_x.TransposeThisAndMultiply(_y) / (sigma * sigma));
    }

    public Vector<double> PosteriorMean { get; }

    public Matrix<double> PosteriorCovariance { get; }

    public int Dimension => _x.ColumnCount;

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        int n = _x.RowCount, p = _x.ColumnCount;
        double value = 0;
        for (int j = 0; j < p; j++)
        {
            value -= 0.5 * x[j] * x[j] / (_priorSd * _priorSd);
            gradient[j] = -x[j] / (_priorSd * _priorSd);
        }

        for (int i = 0; i < n; i++)
        {
            double fit = 0;
            for (int j = 0; j < p; j++)
            {
                fit += _x[i, j] * x[j];
            }

            double r = (_y[i] - fit) / _sigma;
            value -= 0.5 * r * r;
            for (int j = 0; j < p; j++)
            {
                gradient[j] += r / _sigma * _x[i, j];
            }
        }

        return value;
    }
}
