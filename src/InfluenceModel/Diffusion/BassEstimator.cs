using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace InfluenceModel.Diffusion;

/// <summary>The three Bass estimators behind <see cref="BassModel.Fit"/>.</summary>
internal static class BassEstimator
{
    private const int ParameterCount = 3;

    public static BassFit Fit(IReadOnlyList<double> periodSales, BassEstimationMethod method)
    {
        ArgumentNullException.ThrowIfNull(periodSales);
        Internal.Guard.AllAmounts(periodSales);
        if (periodSales.Count <= ParameterCount)
        {
            throw new ArgumentException($"periodSales needs at least {ParameterCount + 1} periods to fit p, q and m with a residual degree of freedom; it has {periodSales.Count}.", nameof(periodSales));
        }

        double total = 0;
        for (int i = 0; i < periodSales.Count; i++)
        {
            total += periodSales[i];
        }

        if (total <= 0)
        {
            throw new ArgumentException("periodSales are all zero; a Bass curve needs some adoption.", nameof(periodSales));
        }

        double[] sales = [.. periodSales];
        return method switch
        {
            BassEstimationMethod.OrdinaryLeastSquares => OrdinaryLeastSquares(sales)
                ?? throw new ArgumentException("periodSales: the Bass regression s_t = a + b·S_{t−1} + c·S²_{t−1} gives no positive market potential (it needs a > 0, c < 0 and p ≤ 1); fit with NonlinearLeastSquares instead.", nameof(periodSales)),
            BassEstimationMethod.NonlinearLeastSquares or BassEstimationMethod.NonlinearLeastSquaresDensity => Nonlinear(sales, total, method)
                ?? throw new ArgumentException($"periodSales: no start of the {method} fit converged to a valid Bass curve (p in [{NumericLimits.MinScale}, 1], q in [0, {NumericLimits.MaxRate}], m in (0, {NumericLimits.MaxAmount}]).", nameof(periodSales)),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"method must be a defined {nameof(BassEstimationMethod)} value; it was {method}."),
        };
    }

    /// <summary>Bass (1969) regression; null when its coefficients imply no valid (p, q, m).</summary>
    private static BassFit? OrdinaryLeastSquares(double[] sales)
    {
        int n = sales.Length;
        var x = Matrix<double>.Build.Dense(n, ParameterCount);
        double cumulative = 0; // S_{t−1}: cumulative sales before period t, S_0 = 0.
        for (int t = 0; t < n; t++)
        {
            x[t, 0] = 1;
            x[t, 1] = cumulative;
            x[t, 2] = cumulative * cumulative;
            cumulative += sales[t];
        }

        var y = Vector<double>.Build.DenseOfArray(sales);
        Vector<double> beta = x.QR().Solve(y);
        double a = beta[0], b = beta[1], c = beta[2];
        double discriminant = (b * b) - (4 * a * c);
        if (!(a > 0 && c < 0 && discriminant > 0))
        {
            return null;
        }

        // With a > 0 and c < 0 the roots have opposite signs; the positive one is the market potential.
        double m = (-b - Math.Sqrt(discriminant)) / (2 * c);
        double p = a / m, q = -c * m;
        if (!Valid(p, q, m))
        {
            return null;
        }

        Vector<double> fitted = x * beta;
        (double rss, double rSquared) = Residuals(sales, fitted);
        double sigma2 = rss / (n - ParameterCount);
        Matrix<double> betaCovariance = x.TransposeThisAndMultiply(x).Inverse() * sigma2;

        // Delta method: m solves c·m² + b·m + a = 0, so ∂m/∂(a, b, c) = −(1, m, m²)/(2cm + b); p = a/m; q = −c·m.
        double g = (2 * c * m) + b;
        double[] dm = [-1 / g, -m / g, -m * m / g];
        var jacobian = Matrix<double>.Build.Dense(ParameterCount, ParameterCount);
        for (int k = 0; k < ParameterCount; k++)
        {
            jacobian[0, k] = ((k == 0 ? 1 / m : 0) - (a / (m * m) * dm[k]));
            jacobian[1, k] = (-c * dm[k]) - (k == 2 ? m : 0);
            jacobian[2, k] = dm[k];
        }

        Matrix<double> covariance = jacobian * betaCovariance * jacobian.Transpose();
        return new BassFit(new BassModel(p, q, m), StandardErrors(covariance), Math.Sqrt(sigma2), rSquared, BassEstimationMethod.OrdinaryLeastSquares);
    }

    /// <summary>
    /// Levenberg–Marquardt on m·(F(t) − F(t−1)) or m·f(t), t = 1..n, from the regression estimate when it is valid
    /// and from a small grid of starts; the valid fit with the smallest residual sum of squares wins (null when none is valid).
    /// </summary>
    private static BassFit? Nonlinear(double[] sales, double total, BassEstimationMethod method)
    {
        bool density = method == BassEstimationMethod.NonlinearLeastSquaresDensity;
        int n = sales.Length;
        var times = Vector<double>.Build.Dense(n, i => i + 1);
        var observed = Vector<double>.Build.DenseOfArray(sales);

        var starts = new List<double[]>();
        if (OrdinaryLeastSquares(sales) is { } ols)
        {
            starts.Add([ols.Model.P, ols.Model.Q, ols.Model.M]);
        }

        foreach (double p0 in (double[])[0.01, 0.05])
        {
            foreach (double q0 in (double[])[0.1, 0.5])
            {
                foreach (double scale in (double[])[1.5, 4])
                {
                    starts.Add([p0, q0, scale * total]);
                }
            }
        }

        var minimizer = new LevenbergMarquardtMinimizer(maximumIterations: 400);
        Vector<double>? best = null;
        double bestRss = double.PositiveInfinity;
        foreach (double[] start in starts)
        {
            IObjectiveModel objective = ObjectiveFunction.NonlinearModel(
                (theta, t) => Values(theta, t, density),
                (theta, t) => Jacobian(theta, t, density),
                times,
                observed);
            Vector<double> point;
            try
            {
                point = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(start)).MinimizingPoint;
            }
            catch (Exception ex) when (ex is MaximumIterationsException or NonConvergenceException or ArgumentException)
            {
                // A start that diverges is just a bad start: MathNet's covariance step fails on a non-finite point, and
                // on a long series a step to p + q < 0 overflows exp(−(p+q)t) ("The parameters must be finite").
                continue;
            }

            if (!Valid(point[0], point[1], point[2]))
            {
                continue;
            }

            double rss = (observed - Values(point, times, density)).DotProduct(observed - Values(point, times, density));
            if (rss < bestRss)
            {
                bestRss = rss;
                best = point;
            }
        }

        if (best is null)
        {
            return null;
        }

        (double residualSum, double rSquared) = Residuals(sales, Values(best, times, density));
        double sigma2 = residualSum / (n - ParameterCount);
        Matrix<double> j = Jacobian(best, times, density);
        Matrix<double> covariance = j.TransposeThisAndMultiply(j).Inverse() * sigma2;
        return new BassFit(new BassModel(best[0], best[1], best[2]), StandardErrors(covariance), Math.Sqrt(sigma2), rSquared, method);
    }

    /// <summary>m·(F(t) − F(t−1)) or m·f(t) at each t.</summary>
    /// <summary>Inside the declared ranges of <see cref="BassModel"/> (p in [MinScale, 1], q in [0, MaxRate], m in (0, MaxAmount]).</summary>
    private static bool Valid(double p, double q, double m) =>
        p >= NumericLimits.MinScale && p <= 1 && q >= 0 && q <= NumericLimits.MaxRate && m > 0 && m <= NumericLimits.MaxAmount;

    private static Vector<double> Values(Vector<double> theta, Vector<double> times, bool density)
    {
        double p = theta[0], q = theta[1], m = theta[2];
        return Vector<double>.Build.Dense(times.Count, i =>
        {
            double t = times[i];
            return m * (density ? BassModel.DensityAt(p, q, t) : BassModel.Cumulative(p, q, t) - BassModel.Cumulative(p, q, t - 1));
        });
    }

    /// <summary>Analytic Jacobian of <see cref="Values"/> with respect to (p, q, m).</summary>
    private static Matrix<double> Jacobian(Vector<double> theta, Vector<double> times, bool density)
    {
        double p = theta[0], q = theta[1], m = theta[2];
        var jacobian = Matrix<double>.Build.Dense(times.Count, ParameterCount);
        for (int i = 0; i < times.Count; i++)
        {
            double t = times[i];
            (double g, double dp, double dq) = density
                ? DensityWithGradient(p, q, t)
                : Difference(CumulativeWithGradient(p, q, t), CumulativeWithGradient(p, q, t - 1));
            jacobian[i, 0] = m * dp;
            jacobian[i, 1] = m * dq;
            jacobian[i, 2] = g;
        }

        return jacobian;
    }

    private static (double Value, double Dp, double Dq) Difference((double Value, double Dp, double Dq) x, (double Value, double Dp, double Dq) y) =>
        (x.Value - y.Value, x.Dp - y.Dp, x.Dq - y.Dq);

    /// <summary>F = N/D with N = p(1 − e), D = p + q·e, e = e^{−(p+q)t}, ∂e/∂p = ∂e/∂q = −t·e.</summary>
    private static (double Value, double Dp, double Dq) CumulativeWithGradient(double p, double q, double t)
    {
        double e = Math.Exp(-(p + q) * t);
        double numerator = p * (1 - e), denominator = p + (q * e);
        double dNdp = 1 - e + (p * t * e), dNdq = p * t * e;
        double dDdp = 1 - (q * t * e), dDdq = e - (q * t * e);
        double d2 = denominator * denominator;
        return (numerator / denominator, ((dNdp * denominator) - (numerator * dDdp)) / d2, ((dNdq * denominator) - (numerator * dDdq)) / d2);
    }

    /// <summary>f = (p+q)²·p·e/D²; ∂ln f/∂p = 2/(p+q) + 1/p − t − 2(∂D/∂p)/D, ∂ln f/∂q = 2/(p+q) − t − 2(∂D/∂q)/D.</summary>
    private static (double Value, double Dp, double Dq) DensityWithGradient(double p, double q, double t)
    {
        double e = Math.Exp(-(p + q) * t);
        double denominator = p + (q * e);
        double f = BassModel.DensityAt(p, q, t);
        double dDdp = 1 - (q * t * e), dDdq = e - (q * t * e);
        double dLogP = (2 / (p + q)) + (1 / p) - t - (2 * dDdp / denominator);
        double dLogQ = (2 / (p + q)) - t - (2 * dDdq / denominator);
        return (f, f * dLogP, f * dLogQ);
    }

    private static (double Rss, double RSquared) Residuals(double[] sales, Vector<double> fitted)
    {
        double mean = 0;
        for (int i = 0; i < sales.Length; i++)
        {
            mean += sales[i];
        }

        mean /= sales.Length;
        double rss = 0, tss = 0;
        for (int i = 0; i < sales.Length; i++)
        {
            rss += (sales[i] - fitted[i]) * (sales[i] - fitted[i]);
            tss += (sales[i] - mean) * (sales[i] - mean);
        }

        return (rss, tss > 0 ? 1 - (rss / tss) : (rss == 0 ? 1 : 0));
    }

    private static BassStandardErrors StandardErrors(Matrix<double> covariance) =>
        new(SafeSqrt(covariance[0, 0]), SafeSqrt(covariance[1, 1]), SafeSqrt(covariance[2, 2]));

    /// <summary>√v for a variance; an ill-conditioned (JᵀJ)⁻¹ can give a tiny negative or non-finite diagonal, reported as +∞ (unidentified).</summary>
    private static double SafeSqrt(double variance) =>
        double.IsFinite(variance) ? Math.Sqrt(Math.Max(variance, 0)) : double.PositiveInfinity;
}
