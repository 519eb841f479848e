using InfluenceModel.Inference;

namespace InfluenceModel.MediaMix;

/// <summary>
/// The log posterior of a <see cref="MediaMixProblem"/> on the unconstrained scale (identity for real parameters,
/// log for positive ones, logit for (0, 1) ones, with their log-Jacobians) and its analytic gradient. One evaluation
/// costs O(T·(P + C·L)) and allocates nothing (workspaces are pooled). Thread-safe.
/// </summary>
internal sealed class MediaMixDensity : ILogDensity
{
    private readonly MediaMixProblem _problem;
    private readonly System.Collections.Concurrent.ConcurrentBag<Workspace> _workspaces = [];
    private readonly int _rows;
    private readonly int _lags;
    private readonly bool _normalize;
    private readonly bool _studentT;
    private readonly double _nu;

    public MediaMixDensity(MediaMixProblem problem)
    {
        _problem = problem;
        _rows = problem.Fitted;
        _lags = problem.MaxLag;
        _normalize = problem.Model.NormalizeAdstock;
        _studentT = problem.Model.Likelihood == LikelihoodKind.StudentT;
        _nu = problem.Model.DegreesOfFreedom;
    }

    public int Dimension => _problem.Parameters.Length;

    public MediaMixProblem Problem => _problem;

    /// <summary>Maps an unconstrained point to the constrained parameters.</summary>
    public static void Constrain(MediaMixProblem problem, ReadOnlySpan<double> u, Span<double> v)
    {
        ParameterInfo[] info = problem.Parameters;
        for (int i = 0; i < info.Length; i++)
        {
            v[i] = info[i].Support switch
            {
                ParameterSupport.Real => u[i],
                ParameterSupport.Positive => Math.Exp(u[i]),
                _ => 1 / (1 + Math.Exp(-u[i])),
            };
        }
    }

    /// <summary>The inverse of <see cref="Constrain"/>.</summary>
    public static double Unconstrain(ParameterSupport support, double v) => support switch
    {
        ParameterSupport.Real => v,
        ParameterSupport.Positive => Math.Log(v),
        _ => Math.Log(v / (1 - v)),
    };

    public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
    {
        // A pool instead of ThreadLocal: chains may run on any thread; a workspace is reused, never shared.
        Workspace ws = _workspaces.TryTake(out Workspace? pooled) ? pooled : new Workspace(_problem);
        double result;
        try
        {
            result = EvaluateCore(x, gradient, ws);
        }
        finally
        {
            _workspaces.Add(ws);
        }

        if (!double.IsFinite(result))
        {
            gradient.Clear();
            return double.NegativeInfinity;
        }

        for (int i = 0; i < gradient.Length; i++)
        {
            if (!double.IsFinite(gradient[i]))
            {
                gradient.Clear();
                return double.NegativeInfinity;
            }
        }

        return result;
    }

    private double EvaluateCore(ReadOnlySpan<double> u, Span<double> gradient, Workspace ws)
    {
        MediaMixProblem p = _problem;
        ParameterInfo[] info = p.Parameters;
        int n = _rows;
        int dim = info.Length;
        double[] v = ws.Values;
        double[] gv = ws.ValueGradient;
        Constrain(p, u, v);
        Array.Clear(gv);

        // Mean: linear block.
        double[] mean = ws.Mean;
        Array.Clear(mean);
        double[][] columns = p.Columns;
        for (int j = 0; j < columns.Length; j++)
        {
            MediaMixKernels.Axpy(v[j], columns[j].AsSpan(0, n), mean);
        }

        // Channels: adstock, saturation, β.
        ChannelTerm[] channels = p.Channels;
        for (int c = 0; c < channels.Length; c++)
        {
            ChannelTerm ch = channels[c];
            ChannelWork cw = ws.Channels[c];
            int o = ch.Offset;
            double beta = v[o];
            double s1 = v[o + 1];
            double s2 = ch.SaturationCount == 2 ? v[o + 2] : 0;
            int ao = o + 1 + ch.SaturationCount;
            double a1 = v[ao];
            double a2 = ch.AdstockCount == 2 ? v[ao + 1] * (ch.Adstock == MediaMixAdstockKind.Delayed ? _lags - 1 : 1) : 0;
            MediaMixKernels.Weights(ch.Adstock, a1, a2, _normalize, cw.W, cw.Dw1, cw.Dw2);
            MediaMixKernels.Convolve(ch.Spend, cw.W, cw.A);
            double[] a = cw.A, s = cw.S, slope = cw.Slope, d1 = cw.D1, d2 = cw.D2;
            for (int t = 0; t < n; t++)
            {
                s[t] = MediaMixKernels.Saturate(ch.Saturation, a[t], s1, s2, out slope[t], out d1[t], out d2[t]);
                mean[t] += beta * s[t];
            }
        }

        // Likelihood and its derivative e_t = ∂ℓ/∂mean_t.
        double sigma = v[p.SigmaIndex];
        double[] y = p.Kpi;
        double[] e = ws.E;
        double logLik;
        double dSigma;
        if (_studentT)
        {
            double nuSigma2 = _nu * sigma * sigma;
            double sum = 0, sumD = 0;
            for (int t = 0; t < n; t++)
            {
                double r = y[t] - mean[t];
                double denominator = nuSigma2 + (r * r);
                sum += Math.Log(denominator / nuSigma2);
                e[t] = (_nu + 1) * r / denominator;
                sumD += r * r / denominator;
            }

            logLik = (-0.5 * (_nu + 1) * sum) - (n * Math.Log(sigma));
            dSigma = ((_nu + 1) * sumD / sigma) - (n / sigma);
        }
        else
        {
            double inverse = 1 / (sigma * sigma);
            double ss = 0;
            for (int t = 0; t < n; t++)
            {
                double r = y[t] - mean[t];
                ss += r * r;
                e[t] = r * inverse;
            }

            logLik = (-0.5 * ss * inverse) - (n * Math.Log(sigma));
            dSigma = (ss * inverse / sigma) - (n / sigma);
        }

        gv[p.SigmaIndex] += dSigma;

        // Gradient of the linear coefficients.
        for (int j = 0; j < columns.Length; j++)
        {
            gv[j] += MediaMixKernels.Dot(e, columns[j].AsSpan(0, n));
        }

        // Channels: β, saturation and adstock parameters, ROAS priors.
        double total = logLik;
        for (int c = 0; c < channels.Length; c++)
        {
            ChannelTerm ch = channels[c];
            ChannelWork cw = ws.Channels[c];
            int o = ch.Offset;
            double beta = v[o];
            double shift = 0;
            if (ch.RoasPrior is { } roasPrior)
            {
                // ROAS = (KpiScale·β·Σ s)/(SpendScale·Σ x): a prior on it adds a constant to every e_t of this channel.
                double sumS = 0;
                for (int t = 0; t < n; t++)
                {
                    sumS += cw.S[t];
                }

                double factor = p.KpiScale / (ch.SpendScale * ch.ScaledSpendTotal);
                double roas = factor * beta * sumS;
                if (roas <= 0)
                {
                    return double.NegativeInfinity;
                }

                total += roasPrior.LogDensity(roas, out double dRoas);
                shift = dRoas * factor;
            }

            double gBeta = 0, g1 = 0, g2 = 0;
            double[] u2 = ws.U;
            for (int t = 0; t < n; t++)
            {
                double et = e[t] + shift;
                gBeta += et * cw.S[t];
                g1 += et * cw.D1[t];
                g2 += et * cw.D2[t];
                u2[t] = et * beta * cw.Slope[t];
            }

            gv[o] += gBeta;
            gv[o + 1] += beta * g1;
            if (ch.SaturationCount == 2)
            {
                gv[o + 2] += beta * g2;
            }

            AdstockGradient(ch, cw, u2, 0, n, gv, o + 1 + ch.SaturationCount);
        }

        // Lift tests.
        foreach (LiftTerm lift in p.LiftTests)
        {
            total += LiftTerm(lift, v, gv, ws);
        }

        // Priors, Jacobians and the chain rule to the unconstrained scale.
        for (int i = 0; i < dim; i++)
        {
            ParameterInfo pi = info[i];
            double vi = v[i];
            switch (pi.Support)
            {
                case ParameterSupport.Real:
                    total += pi.Prior.LogDensity(vi, out double dReal);
                    gradient[i] = gv[i] + dReal;
                    break;
                case ParameterSupport.Positive:
                    total += pi.Prior.LogDensity(vi, out double dPositive) + u[i];
                    gradient[i] = ((gv[i] + dPositive) * vi) + 1;
                    break;
                default:
                    {
                        // Beta(a, b) with the logit Jacobian v(1−v): a·log v + b·log(1−v), computed stably.
                        double ui = u[i];
                        double logV = -Softplus(-ui);
                        double log1mV = -Softplus(ui);
                        double a = pi.Prior.First, b = pi.Prior.Second;
                        total += (a * logV) + (b * log1mV);
                        gradient[i] = (gv[i] * vi * (1 - vi)) + (a * (1 - vi)) - (b * vi);
                        break;
                    }
            }
        }

        return total;
    }

    /// <summary>
    /// Adds Σ_t u_t·∂a_t/∂θ_k for the adstock parameters, where ∂a_t/∂θ_k = Σ_l ∂w_l/∂θ_k·x_{t−l}, over rows [from, to).
    /// </summary>
    private void AdstockGradient(ChannelTerm ch, ChannelWork cw, double[] u, int from, int to, double[] gv, int index)
    {
        double[] x = ch.Spend;
        double g1 = 0, g2 = 0;
        for (int l = 0; l < _lags && l < to; l++)
        {
            int start = Math.Max(from, l);
            double h = MediaMixKernels.Dot(u.AsSpan(start, to - start), x.AsSpan(start - l, to - start));
            g1 += cw.Dw1[l] * h;
            g2 += cw.Dw2[l] * h;
        }

        gv[index] += g1;
        if (ch.AdstockCount == 2)
        {
            gv[index + 1] += g2 * (ch.Adstock == MediaMixAdstockKind.Delayed ? _lags - 1 : 1);
        }
    }

    /// <summary>The lift-test log likelihood −(L − pred)²/(2s²) and its gradient (added to gv).</summary>
    private double LiftTerm(LiftTerm lift, double[] v, double[] gv, Workspace ws)
    {
        MediaMixProblem p = _problem;
        ChannelTerm ch = p.Channels[lift.Channel];
        ChannelWork cw = ws.Channels[lift.Channel];
        int o = ch.Offset;
        double beta = v[o];
        double s1 = v[o + 1];
        double s2 = ch.SaturationCount == 2 ? v[o + 2] : 0;
        double sumDiff = 0, sumD1 = 0, sumD2 = 0, sumA1 = 0, sumA2 = 0;
        double[] x = ch.Spend;
        for (int t = lift.First; t <= lift.Last; t++)
        {
            // a'_t = a_t + Δ·Σ_{l ≤ t−first} w_l; ∂a/∂θ_k = Σ_l ∂w_l/∂θ_k x_{t−l} (+ Δ·Σ ∂w_l/∂θ_k for a').
            double cumW = 0, cum1 = 0, cum2 = 0, da1 = 0, da2 = 0;
            int lags = Math.Min(_lags, t + 1);
            for (int l = 0; l < lags; l++)
            {
                da1 += cw.Dw1[l] * x[t - l];
                da2 += cw.Dw2[l] * x[t - l];
                if (l <= t - lift.First)
                {
                    cumW += cw.W[l];
                    cum1 += cw.Dw1[l];
                    cum2 += cw.Dw2[l];
                }
            }

            double aNew = Math.Max(0, cw.A[t] + (lift.ScaledChange * cumW));
            double sNew = MediaMixKernels.Saturate(ch.Saturation, aNew, s1, s2, out double slopeNew, out double d1New, out double d2New);
            sumDiff += sNew - cw.S[t];
            sumD1 += d1New - cw.D1[t];
            sumD2 += d2New - cw.D2[t];
            sumA1 += (slopeNew * (da1 + (lift.ScaledChange * cum1))) - (cw.Slope[t] * da1);
            sumA2 += (slopeNew * (da2 + (lift.ScaledChange * cum2))) - (cw.Slope[t] * da2);
        }

        double scale = p.KpiScale;
        double predicted = scale * beta * sumDiff;
        double residual = lift.Lift - predicted;
        double inverse = 1 / (lift.StandardError * lift.StandardError);
        double dPred = residual * inverse * scale;
        gv[o] += dPred * sumDiff;
        gv[o + 1] += dPred * beta * sumD1;
        if (ch.SaturationCount == 2)
        {
            gv[o + 2] += dPred * beta * sumD2;
        }

        int ao = o + 1 + ch.SaturationCount;
        gv[ao] += dPred * beta * sumA1;
        if (ch.AdstockCount == 2)
        {
            gv[ao + 1] += dPred * beta * sumA2 * (ch.Adstock == MediaMixAdstockKind.Delayed ? _lags - 1 : 1);
        }

        return -0.5 * residual * residual * inverse;
    }

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    private sealed class Workspace
    {
        public Workspace(MediaMixProblem problem)
        {
            int n = problem.Fitted;
            Values = new double[problem.Parameters.Length];
            ValueGradient = new double[problem.Parameters.Length];
            Mean = new double[n];
            E = new double[n];
            U = new double[n];
            Channels = new ChannelWork[problem.Channels.Length];
            for (int c = 0; c < Channels.Length; c++)
            {
                Channels[c] = new ChannelWork(n, problem.MaxLag);
            }
        }

        public double[] Values { get; }

        public double[] ValueGradient { get; }

        public double[] Mean { get; }

        public double[] E { get; }

        public double[] U { get; }

        public ChannelWork[] Channels { get; }
    }

    private sealed class ChannelWork(int n, int lags)
    {
        public double[] W { get; } = new double[lags];

        public double[] Dw1 { get; } = new double[lags];

        public double[] Dw2 { get; } = new double[lags];

        public double[] A { get; } = new double[n];

        public double[] S { get; } = new double[n];

        public double[] Slope { get; } = new double[n];

        public double[] D1 { get; } = new double[n];

        public double[] D2 { get; } = new double[n];
    }
}
