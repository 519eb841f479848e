using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InfluenceModel.Diffusion;

namespace InfluenceModel.Tests.Diffusion;

public class BassModelTests
{
    private static readonly double[] PublishedSales = [0.517, 1.169, 1.604, 2.044, 2.286];

    [Fact]
    public void Fit_OrdinaryLeastSquares_OnPublishedSales_RecoversPublishedCoefficients()
    {
        // Regression s_t = a + b·S_{t−1} + c·S²_{t−1} with S_{t−1} the cumulative sales before period t (S_0 = 0).
        BassFit fit = BassModel.Fit(PublishedSales, BassEstimationMethod.OrdinaryLeastSquares);

        Assert.Equal(0.0626032, fit.Model.P, 0.0626032 * 1e-6);
        Assert.Equal(0.73766359, fit.Model.Q, 0.73766359 * 1e-6);
        Assert.Equal(10.5036768, fit.Model.M, 10.5036768 * 1e-6);
        Assert.Equal(BassEstimationMethod.OrdinaryLeastSquares, fit.Method);
        Assert.InRange(fit.RSquared, 0.9, 1.0);
        Assert.True(fit.StandardErrors.P > 0 && double.IsFinite(fit.StandardErrors.M));
    }

    [Theory]
    [InlineData(BassEstimationMethod.NonlinearLeastSquares)]
    [InlineData(BassEstimationMethod.NonlinearLeastSquaresDensity)]
    public void Fit_Nonlinear_OnExactBassData_RecoversCoefficients(BassEstimationMethod method)
    {
        var truth = new BassModel(0.03, 0.38, 1000);
        double[] sales = new double[15];
        for (int t = 1; t <= sales.Length; t++)
        {
            sales[t - 1] = method == BassEstimationMethod.NonlinearLeastSquares ? truth.PeriodAdoptions(t) : truth.M * truth.Density(t);
        }

        BassFit fit = BassModel.Fit(sales, method);

        Assert.Equal(0.03, fit.Model.P, 1e-6);
        Assert.Equal(0.38, fit.Model.Q, 1e-6);
        Assert.Equal(1000, fit.Model.M, 1e-3);
        Assert.Equal(1.0, fit.RSquared, 1e-9);
        Assert.True(fit.ResidualStandardError < 1e-6);
    }

    [Fact]
    public void Fit_OrdinaryLeastSquares_StandardErrorsMatchNumericalDeltaMethod()
    {
        // Cov(a, b, c) = σ̂²(XᵀX)⁻¹ from MathNet's regression; the map (a, b, c) → (p, q, m) differentiated by central
        // differences instead of the analytic implicit derivatives.
        double[] s = PublishedSales;
        var x = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(s.Length, 3);
        double cumulative = 0;
        for (int t = 0; t < s.Length; t++)
        {
            x[t, 0] = 1;
            x[t, 1] = cumulative;
            x[t, 2] = cumulative * cumulative;
            cumulative += s[t];
        }

        var y = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(s);
        var beta = MathNet.Numerics.LinearRegression.MultipleRegression.QR(x, y);
        var residual = y - (x * beta);
        var covBeta = x.TransposeThisAndMultiply(x).Inverse() * (residual.DotProduct(residual) / (s.Length - 3));

        static double[] Map(double a, double b, double c)
        {
            double m = (-b - Math.Sqrt((b * b) - (4 * a * c))) / (2 * c);
            return [a / m, -c * m, m];
        }

        var jacobian = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(3, 3);
        for (int k = 0; k < 3; k++)
        {
            double h = 1e-6 * Math.Abs(beta[k]);
            var up = beta.Clone();
            var down = beta.Clone();
            up[k] += h;
            down[k] -= h;
            double[] fUp = Map(up[0], up[1], up[2]), fDown = Map(down[0], down[1], down[2]);
            for (int r = 0; r < 3; r++)
            {
                jacobian[r, k] = (fUp[r] - fDown[r]) / (2 * h);
            }
        }

        var cov = jacobian * covBeta * jacobian.Transpose();
        BassFit fit = BassModel.Fit(PublishedSales, BassEstimationMethod.OrdinaryLeastSquares);

        Assert.Equal(Math.Sqrt(cov[0, 0]), fit.StandardErrors.P, Math.Sqrt(cov[0, 0]) * 1e-5);
        Assert.Equal(Math.Sqrt(cov[1, 1]), fit.StandardErrors.Q, Math.Sqrt(cov[1, 1]) * 1e-5);
        Assert.Equal(Math.Sqrt(cov[2, 2]), fit.StandardErrors.M, Math.Sqrt(cov[2, 2]) * 1e-5);
        Assert.Equal(Math.Sqrt(residual.DotProduct(residual) / 2), fit.ResidualStandardError, 1e-12);
    }

    [Theory]
    [InlineData(BassEstimationMethod.NonlinearLeastSquares)]
    [InlineData(BassEstimationMethod.NonlinearLeastSquaresDensity)]
    public void Fit_Nonlinear_StandardErrorsMatchMathNetNumericalCovariance(BassEstimationMethod method)
    {
        // Independent check of the analytic Jacobian: MathNet's own covariance with a numerical (finite-difference)
        // Jacobian, evaluated from the fitted optimum, must give the same standard errors.
        double[] sales = [0.517, 1.169, 1.604, 2.044, 2.286, 2.1, 1.75, 1.3];
        BassFit fit = BassModel.Fit(sales, method);
        bool density = method == BassEstimationMethod.NonlinearLeastSquaresDensity;
        var times = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(sales.Length, i => i + 1);
        var observed = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(sales);
        var model = MathNet.Numerics.Optimization.ObjectiveFunction.NonlinearModel(
            (theta, t) => MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(t.Count, i => theta[2] * (density
                ? new BassModel(theta[0], theta[1], 1).Density(t[i])
                : new BassModel(theta[0], theta[1], 1).PeriodAdoptions(t[i]))),
            times,
            observed,
            accuracyOrder: 6);
        var start = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray([fit.Model.P, fit.Model.Q, fit.Model.M]);
        var result = new MathNet.Numerics.Optimization.LevenbergMarquardtMinimizer(maximumIterations: 400).FindMinimum(model, start);

        Assert.Equal(fit.Model.M, result.MinimizingPoint[2], fit.Model.M * 1e-5);
        Assert.Equal(result.StandardErrors[0], fit.StandardErrors.P, result.StandardErrors[0] * 1e-3);
        Assert.Equal(result.StandardErrors[1], fit.StandardErrors.Q, result.StandardErrors[1] * 1e-3);
        Assert.Equal(result.StandardErrors[2], fit.StandardErrors.M, result.StandardErrors[2] * 1e-3);
    }

    [Fact]
    public void Fit_Methods_DisagreeOnTheSameData()
    {
        // The three estimators answer different questions; their results must not be silently interchangeable.
        BassFit ols = BassModel.Fit(PublishedSales, BassEstimationMethod.OrdinaryLeastSquares);
        BassFit nls = BassModel.Fit(PublishedSales, BassEstimationMethod.NonlinearLeastSquares);
        BassFit density = BassModel.Fit(PublishedSales, BassEstimationMethod.NonlinearLeastSquaresDensity);

        Assert.NotEqual(ols.Model.M, nls.Model.M, 1e-3);
        Assert.NotEqual(nls.Model.M, density.Model.M, 1e-3);
        Assert.True(nls.RSquared > 0.95 && density.RSquared > 0.95);
    }

    [Fact]
    public void ClosedForms_PeakAndDensityMatchTheirDefinitions()
    {
        var model = new BassModel(0.03, 0.38, 1000);
        double peak = Math.Log(0.38 / 0.03) / 0.41;
        Assert.Equal(peak, model.PeakTime, 1e-12);

        // f is the derivative of F (central difference), and F(t*) = 1/2 − p/(2q) at the peak.
        for (double t = 0.5; t < 20; t += 1.5)
        {
            double numeric = (model.CumulativeFraction(t + 1e-5) - model.CumulativeFraction(t - 1e-5)) / 2e-5;
            Assert.Equal(numeric, model.Density(t), 1e-7);
        }

        Assert.Equal(0.5 - (0.03 / (2 * 0.38)), model.CumulativeFraction(peak), 1e-12);
        Assert.Equal(0.0, model.CumulativeFraction(0));
        Assert.Equal(1000 * model.CumulativeFraction(3), model.PeriodAdoptions(1) + model.PeriodAdoptions(2) + model.PeriodAdoptions(3), 1e-9);
        Assert.Equal(0.0, new BassModel(0.5, 0.1, 1).PeakTime);
    }

    [Property(MaxTest = 200)]
    public bool CumulativeFraction_IsMonotoneInUnitInterval_AndFinite(PositiveInt pSeed, NonNegativeInt qSeed, NormalFloat time)
    {
        double p = Math.Min(1.0, pSeed.Get / 1000.0);
        double q = qSeed.Get / 100.0;
        double t = Math.Abs(time.Get) % 1000;
        var model = new BassModel(p, q, 1);
        double f0 = model.CumulativeFraction(t), f1 = model.CumulativeFraction(t + 1);
        return f0 >= 0 && f1 <= 1 && f1 >= f0 && double.IsFinite(model.Density(t)) && model.Density(t) >= 0;
    }

    [Property(MaxTest = 25)]
    public bool Fit_AnySales_EitherThrowsArgumentExceptionOrReturnsNoNaN(int seed)
    {
        // Random (often non-Bass) sales: a fit is either valid and NaN-free, or refused with ArgumentException.
        var rng = new Random(seed);
        double[] sales = new double[rng.Next(4, 20)];
        for (int i = 0; i < sales.Length; i++)
        {
            sales[i] = rng.Next(4) == 0 ? 0 : rng.NextDouble() * Math.Pow(10, rng.Next(-3, 6));
        }

        foreach (BassEstimationMethod method in Enum.GetValues<BassEstimationMethod>())
        {
            try
            {
                BassFit fit = BassModel.Fit(sales, method);
                double[] values = [fit.Model.P, fit.Model.Q, fit.Model.M, fit.StandardErrors.P, fit.StandardErrors.Q, fit.StandardErrors.M, fit.ResidualStandardError, fit.RSquared];
                if (Array.Exists(values, double.IsNaN) || fit.RSquared > 1 + 1e-12 || fit.Model.P <= 0 || fit.Model.M <= 0)
                {
                    return false;
                }
            }
            catch (ArgumentException ex) when (ex.ParamName == "periodSales")
            {
            }
        }

        return true;
    }

    [Theory]
    [InlineData(0.0, 0.3, 100.0, "p")]
    [InlineData(1.5, 0.3, 100.0, "p")]
    [InlineData(double.NaN, 0.3, 100.0, "p")]
    [InlineData(0.03, -0.1, 100.0, "q")]
    [InlineData(0.03, double.PositiveInfinity, 100.0, "q")]
    [InlineData(0.03, 0.3, 0.0, "m")]
    [InlineData(0.03, 0.3, double.NaN, "m")]
    public void Constructor_BadCoefficient_ThrowsNamingIt(double p, double q, double m, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new BassModel(p, q, m));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Evaluation_BadTime_ThrowsNamingIt()
    {
        var model = new BassModel(0.03, 0.38, 100);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => model.CumulativeFraction(-1)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => model.Density(double.NaN)).ParamName);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => model.PeriodAdoptions(0.5)).ParamName);
    }

    [Fact]
    public void Fit_BadSales_ThrowsNamingPeriodSales()
    {
        Assert.Equal("periodSales", Assert.Throws<ArgumentNullException>(() => BassModel.Fit(null!, BassEstimationMethod.NonlinearLeastSquares)).ParamName);
        Assert.Equal("periodSales", Assert.Throws<ArgumentException>(() => BassModel.Fit([1, 2, 3], BassEstimationMethod.OrdinaryLeastSquares)).ParamName);
        Assert.Equal("periodSales", Assert.Throws<ArgumentException>(() => BassModel.Fit([0, 0, 0, 0], BassEstimationMethod.NonlinearLeastSquares)).ParamName);
        Assert.Equal("periodSales", Assert.Throws<ArgumentOutOfRangeException>(() => BassModel.Fit([1, -2, 3, 4], BassEstimationMethod.NonlinearLeastSquares)).ParamName);
        Assert.Equal("periodSales", Assert.Throws<ArgumentOutOfRangeException>(() => BassModel.Fit([1, double.NaN, 3, 4], BassEstimationMethod.NonlinearLeastSquares)).ParamName);
        // Rising linearly: the regression has c = 0, no finite market potential.
        Assert.Equal("periodSales", Assert.Throws<ArgumentException>(() => BassModel.Fit([1, 2, 4, 8, 16], BassEstimationMethod.OrdinaryLeastSquares)).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(() => BassModel.Fit(PublishedSales, (BassEstimationMethod)7)).ParamName);
    }
}
