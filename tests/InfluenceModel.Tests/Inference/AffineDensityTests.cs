using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Inference;
using MathNet.Numerics.LinearAlgebra;

namespace InfluenceModel.Tests.Inference;

public class AffineDensityTests
{
    private static readonly double[] Mean = [1, -2, 0.5, 3];
    private static readonly double[] Sd = [0.001, 2, 0.05, 10];

    [Fact]
    public void Laplace_OfAGaussian_IsItsCovarianceFactor()
    {
        // Oracle: for N(μ, Σ) the mode is μ and the Hessian of −log p is Σ⁻¹, so A·Aᵀ must be Σ and z ~ N(0, I).
        GaussianDensity gaussian = GaussianDensity.Ar(Mean, Sd, 0.95);
        AffineDensity affine = AffineDensity.Laplace(gaussian, Mean);
        int n = Mean.Length;
        var a = Matrix<double>.Build.Dense(n, n);
        var unit = new double[n];
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(unit);
            unit[j] = 1;
            affine.ToOriginal(unit, column);
            for (int i = 0; i < n; i++)
            {
                a[i, j] = column[i] - Mean[i];
            }
        }

        Matrix<double> product = a * a.Transpose();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double scale = Sd[i] * Sd[j];
                Assert.True(Math.Abs(product[i, j] - gaussian.Covariance[i, j]) < 1e-5 * scale, $"Σ[{i},{j}]: {product[i, j]} vs {gaussian.Covariance[i, j]}");
            }
        }

        // In z the density is −½|z|² + const: its gradient is −z.
        var g = new double[n];
        double[] z = [0.3, -1.2, 2, 0.1];
        affine.Evaluate(z, g);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(-z[i], g[i], 1e-5);
        }
    }

    [Fact]
    public void Evaluate_IsTheInnerDensityAtTheMappedPoint_WithTheChainRuleGradient()
    {
        var density = new EightSchools();
        double[] mode = [4, 1, 0.1, 0, -0.1, 0, -0.2, 0, 0.3, 0.1];
        AffineDensity affine = AffineDensity.Laplace(density, mode);
        double[] z = [0.5, -0.3, 1, -1, 0.2, 0, 0.7, -0.4, 0.1, 0.9];
        var x = new double[z.Length];
        affine.ToOriginal(z, x);
        var g = new double[z.Length];
        Assert.Equal(density.Evaluate(x, g), affine.Evaluate(z, g), 12);
        Assert.InRange(GradientCheck.MaxRelativeError(affine, z), 0, 1e-6);
    }

    [Property(MaxTest = 50)]
    public Property ToStandard_InvertsToOriginal(NormalFloat a, NormalFloat b, NormalFloat c, NormalFloat d)
    {
        double[] x = [Clip(a.Get), Clip(b.Get), Clip(c.Get), Clip(d.Get)];
        AffineDensity affine = AffineDensity.Laplace(GaussianDensity.Ar(Mean, Sd, 0.9), Mean);
        var z = new double[4];
        var back = new double[4];
        affine.ToStandard(x, z);
        affine.ToOriginal(z, back);
        return x.Zip(back, (u, v) => Math.Abs(u - v) <= 1e-8 * Math.Max(1, Math.Abs(u))).All(ok => ok).ToProperty();
    }

    private static double Clip(double v) => Math.Clamp(v, -1e4, 1e4);

    [Fact]
    public void Laplace_FallsBackToTheIdentity_WhenTheHessianIsNotFinite()
    {
        var flat = new NotFiniteNearby();
        AffineDensity affine = AffineDensity.Laplace(flat, [0.0, 0.0]);
        Assert.True(affine.IsIdentity);
        var x = new double[2];
        affine.ToOriginal([1.5, -2], x);
        Assert.Equal([1.5, -2], x);
    }

    /// <summary>log p finite at the origin only: every finite-difference neighbour is outside the support.</summary>
    private sealed class NotFiniteNearby : ILogDensity
    {
        public int Dimension => 2;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            gradient.Clear();
            return x[0] == 0 && x[1] == 0 ? 0 : double.NegativeInfinity;
        }
    }
}
