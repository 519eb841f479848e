using InfluenceModel.Channels;
using System.Numerics;
using System.Runtime.InteropServices;

namespace InfluenceModel.MediaMix;

/// <summary>
/// The hot kernels of the density: adstock weights and saturation values with their analytic derivatives with
/// respect to the (constrained) parameters. Same definitions as <see cref="Channels.GeometricAdstock"/>,
/// <see cref="Channels.WeibullAdstock"/>, <see cref="Channels.LogisticCurve"/>, <see cref="Channels.HillCurve"/> and
/// <see cref="Channels.MichaelisMentenCurve"/> (tests pin the equality).
/// </summary>
internal static class MediaMixKernels
{
    /// <summary>
    /// Lag weights w (length L) of an adstock with parameters p1, p2 (see <see cref="MediaMixAdstockKind"/>; for Delayed p2
    /// is θ in periods) and their derivatives dw1 = ∂w/∂p1, dw2 = ∂w/∂p2 (zero when the kind has one parameter).
    /// </summary>
    public static void Weights(MediaMixAdstockKind kind, double p1, double p2, bool normalize, Span<double> w, Span<double> dw1, Span<double> dw2)
    {
        int n = w.Length;
        dw2.Clear();
        switch (kind)
        {
            case MediaMixAdstockKind.Geometric:
                {
                    double power = 1;
                    for (int l = 0; l < n; l++)
                    {
                        w[l] = power;
                        dw1[l] = l == 0 ? 0 : l * (power / p1);
                        power *= p1;
                    }

                    if (p1 == 0)
                    {
                        // l·α^{l−1} at α = 0 is 1 for l = 1 only.
                        for (int l = 0; l < n; l++)
                        {
                            dw1[l] = l == 1 ? 1 : 0;
                        }
                    }

                    break;
                }

            case MediaMixAdstockKind.Delayed:
                {
                    double logAlpha = Math.Log(p1);
                    for (int l = 0; l < n; l++)
                    {
                        double d = l - p2;
                        double v = Math.Exp(d * d * logAlpha);
                        w[l] = v;
                        dw1[l] = v * d * d / p1;
                        dw2[l] = -2 * v * logAlpha * d;
                    }

                    break;
                }

            case MediaMixAdstockKind.WeibullCdf:
                {
                    // log w_l = −Σ_{i=1}^{l} (i/λ)^k.
                    double logW = 0, dk = 0, dLambda = 0;
                    for (int l = 0; l < n; l++)
                    {
                        double v = Math.Exp(logW);
                        w[l] = v;
                        dw1[l] = v * dk;
                        dw2[l] = v * dLambda;
                        double z = (l + 1) / p2;
                        double h = Math.Pow(z, p1);
                        logW -= h;
                        dk -= h * Math.Log(z);
                        dLambda += p1 * h / p2;
                    }

                    break;
                }

            default:
                {
                    // v_l = f(l+1), f the Weibull density; d log f/dk = 1/k + ln z − z^k ln z, d log f/dλ = k(z^k − 1)/λ.
                    int iMin = 0, iMax = 0;
                    for (int l = 0; l < n; l++)
                    {
                        double z = (l + 1) / p2;
                        double zk = Math.Pow(z, p1);
                        double v = p1 / p2 * Math.Pow(z, p1 - 1) * Math.Exp(-zk);
                        double lnz = Math.Log(z);
                        w[l] = v;
                        dw1[l] = v * ((1 / p1) + lnz - (zk * lnz));
                        dw2[l] = v * p1 * (zk - 1) / p2;
                        if (v < w[iMin])
                        {
                            iMin = l;
                        }

                        if (v > w[iMax])
                        {
                            iMax = l;
                        }
                    }

                    double min = w[iMin], max = w[iMax];
                    if (max > min)
                    {
                        double range = max - min;
                        double r1 = dw1[iMax] - dw1[iMin], r2 = dw2[iMax] - dw2[iMin];
                        double m1 = dw1[iMin], m2 = dw2[iMin];
                        for (int l = 0; l < n; l++)
                        {
                            double scaled = (w[l] - min) / range;
                            dw1[l] = ((dw1[l] - m1) / range) - (scaled * r1 / range);
                            dw2[l] = ((dw2[l] - m2) / range) - (scaled * r2 / range);
                            w[l] = scaled;
                        }
                    }
                    else
                    {
                        w.Fill(1);
                        dw1.Clear();
                        dw2.Clear();
                    }

                    break;
                }
        }

        if (normalize)
        {
            double s = 0, s1 = 0, s2 = 0;
            for (int l = 0; l < n; l++)
            {
                s += w[l];
                s1 += dw1[l];
                s2 += dw2[l];
            }

            if (s > 0)
            {
                for (int l = 0; l < n; l++)
                {
                    double v = w[l] / s;
                    dw1[l] = (dw1[l] - (v * s1)) / s;
                    dw2[l] = (dw2[l] - (v * s2)) / s;
                    w[l] = v;
                }
            }
        }
    }

    /// <summary>a_t = Σ_{l&lt;L, l≤t} w_l·x_{t−l} for t in [0, a.Length).</summary>
    public static void Convolve(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> a)
    {
        int n = a.Length;
        a.Clear();
        int lags = Math.Min(w.Length, n);
        for (int l = 0; l < lags; l++)
        {
            Axpy(w[l], x[..(n - l)], a[l..]);
        }
    }

    /// <summary>y += alpha·x (SIMD).</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = new Vector<double>(alpha);
            ReadOnlySpan<Vector<double>> vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            Span<Vector<double>> vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            for (int k = 0; k < vx.Length; k++)
            {
                vy[k] += va * vx[k];
            }

            i = vx.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    /// <summary>Σ x_i·y_i (SIMD; the summation order is fixed, so results are deterministic).</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        int i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            ReadOnlySpan<Vector<double>> vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            ReadOnlySpan<Vector<double>> vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            for (int k = 0; k < vx.Length; k++)
            {
                acc += vx[k] * vy[k];
            }

            sum = Vector.Sum(acc);
            i = vx.Length * Vector<double>.Count;
        }

        for (; i < n; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    /// <summary>
    /// Saturation s(a) ∈ [0, 1) with ds/da and the derivatives with respect to its parameters (p1 = λ or κ, p2 = slope).
    /// </summary>
    public static double Saturate(ResponseCurveKind kind, double a, double p1, double p2, out double slope, out double d1, out double d2)
    {
        switch (kind)
        {
            case ResponseCurveKind.Logistic:
                {
                    // s = (1 − e)/(1 + e), e = e^{−λa} ∈ (0, 1] (a ≥ 0): one Exp, cheaper than Tanh; (1 − s²)/2 = 2e/(1 + e)².
                    double e = Math.Exp(-p1 * a);
                    double inverse = 1 / (1 + e);
                    double s = (1 - e) * inverse;
                    double half = 2 * e * inverse * inverse;
                    slope = p1 * half;
                    d1 = a * half;
                    d2 = 0;
                    return s;
                }

            case ResponseCurveKind.MichaelisMenten:
                {
                    double denominator = p1 + a;
                    double inverse = 1 / (denominator * denominator);
                    slope = p1 * inverse;
                    d1 = -a * inverse;
                    d2 = 0;
                    return a / denominator;
                }

            default:
                {
                    if (a <= 0)
                    {
                        slope = 0;
                        d1 = 0;
                        d2 = 0;
                        return 0;
                    }

                    // s = 1/(1 + q), q = (κ/a)^h.
                    double logRatio = Math.Log(p1 / a);
                    double q = Math.Exp(p2 * logRatio);
                    if (double.IsInfinity(q))
                    {
                        slope = 0;
                        d1 = 0;
                        d2 = 0;
                        return 0;
                    }

                    double s = 1 / (1 + q);
                    double sq = s * s * q; // = q/(1+q)², bounded by 1/4
                    slope = sq * p2 / a;
                    d1 = -sq * p2 / p1;
                    d2 = -sq * logRatio;
                    return s;
                }
        }
    }
}
