namespace InfluenceModel.Diffusion;

/// <summary>How <see cref="BassModel.Fit"/> estimates p, q and m; the estimators give different answers on the same data.</summary>
public enum BassEstimationMethod
{
    /// <summary>
    /// Bass (1969) regression s_t = a + b·S_{t−1} + c·S²_{t−1}, with S_{t−1} the cumulative sales before period t
    /// (S_0 = 0), by ordinary least squares; then m is the positive root of c·m² + b·m + a = 0, p = a/m, q = −c·m.
    /// Standard errors by the delta method.
    /// </summary>
    OrdinaryLeastSquares = 0,

    /// <summary>
    /// Srinivasan and Mason (1986): nonlinear least squares of s_t on m·(F(t) − F(t−1)), by Levenberg–Marquardt.
    /// </summary>
    NonlinearLeastSquares = 1,

    /// <summary>
    /// Nonlinear least squares of s_t on the density m·f(t) (the common R <c>nls</c> recipe), by Levenberg–Marquardt.
    /// </summary>
    NonlinearLeastSquaresDensity = 2,
}

/// <summary>Standard errors of the fitted Bass coefficients, in the unit of each coefficient.</summary>
/// <param name="P">Standard error of p.</param>
/// <param name="Q">Standard error of q.</param>
/// <param name="M">Standard error of m.</param>
public readonly record struct BassStandardErrors(double P, double Q, double M);

/// <summary>A Bass model fitted to per-period sales by <see cref="BassModel.Fit"/>.</summary>
/// <param name="Model">The fitted model (p, q, m).</param>
/// <param name="StandardErrors">Asymptotic standard errors of p, q and m: σ̂²(JᵀJ)⁻¹ for the nonlinear
/// estimators, the delta method on the regression covariance for ordinary least squares.</param>
/// <param name="ResidualStandardError">σ̂ = sqrt(RSS / (n − 3)), in units of sales per period.</param>
/// <param name="RSquared">1 − RSS/TSS of the fitted per-period sales (may be negative for a poor fit).</param>
/// <param name="Method">The estimator used.</param>
public sealed record BassFit(BassModel Model, BassStandardErrors StandardErrors, double ResidualStandardError, double RSquared, BassEstimationMethod Method);
