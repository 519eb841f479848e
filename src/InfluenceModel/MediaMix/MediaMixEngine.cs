using InfluenceModel.Inference;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace InfluenceModel.MediaMix;

/// <summary>The fitting pipeline: problem → density → MAP or NUTS → <see cref="MediaMixFit"/>.</summary>
internal static class MediaMixEngine
{
    public static MediaMixFit Fit(MediaMixModel model, MediaMixData data, MediaMixFitOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return Fit(MediaMixProblem.Create(model, data, data.Periods), options, progress, cancellationToken);
    }

    public static MediaMixFit Fit(MediaMixProblem problem, MediaMixFitOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        var density = new MediaMixDensity(problem);
        cancellationToken.ThrowIfCancellationRequested();
        if (options.Method == FitMethod.Nuts)
        {
            return Sample(density, options, progress, cancellationToken);
        }

        double[] mode = FindMode(density, InitialPoint(problem), cancellationToken);
        progress?.Report(new ProgressReport("MAP", 1, 1));
        var v = new double[mode.Length];
        MediaMixDensity.Constrain(problem, mode, v);
        return MediaMixFit.Create(problem, FitMethod.Map, [v], chains: 1, options, diagnostics: null, parameterDiagnostics: null);
    }

    private static MediaMixFit Sample(MediaMixDensity density, MediaMixFitOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        MediaMixProblem problem = density.Problem;
        PosteriorSample sample = SampleUnconstrained(density, options.Nuts ?? NutsOptions.Default, progress, cancellationToken);
        int dim = density.Dimension;
        var draws = new double[sample.Chains * sample.Draws][];
        for (int c = 0; c < sample.Chains; c++)
        {
            for (int d = 0; d < sample.Draws; d++)
            {
                var v = new double[dim];
                MediaMixDensity.Constrain(problem, sample.Draw(c, d), v);
                draws[(c * sample.Draws) + d] = v;
            }
        }

        // R-hat and bulk ESS are rank-based, so their unconstrained values hold for the constrained parameters too.
        IReadOnlyList<ParameterSummary> summary = sample.Summary;
        var perParameter = new (double Rhat, double Ess)[dim];
        for (int i = 0; i < dim; i++)
        {
            perParameter[i] = (summary[i].Rhat, summary[i].EssBulk);
        }

        SamplerDiagnostics d0 = sample.Diagnostics;
        var diagnostics = new MediaMixDiagnostics
        {
            MaxRhat = perParameter.Max(p => p.Rhat),
            MinEssBulk = perParameter.Min(p => p.Ess),
            Divergences = d0.Divergences,
            MaxTreeDepthHits = d0.MaxTreeDepthHits,
            GradientEvaluations = d0.GradientEvaluations,
        };
        return MediaMixFit.Create(problem, FitMethod.Nuts, draws, sample.Chains, options, diagnostics, perParameter);
    }

    /// <summary>
    /// NUTS on the unconstrained scale, preconditioned by the Laplace approximation at the mode: the sampler runs on
    /// z with u = mode + A·z (<see cref="AffineDensity.Laplace"/>), its chains start uniform in (−r, r) around the mode
    /// in those standardised units, and the draws are mapped back to u. The affine map has a constant Jacobian, so the
    /// posterior of u is the same as sampling u directly (MediaMixSamplerEquivalenceTests compare both); the summary
    /// (R-hat, ESS) is computed on u. A user's <see cref="NutsOptions.InitialPoint"/> (on u) is mapped to z.
    /// </summary>
    internal static PosteriorSample SampleUnconstrained(MediaMixDensity density, NutsOptions nuts, IProgress<ProgressReport>? progress, CancellationToken cancellationToken)
    {
        MediaMixProblem problem = density.Problem;
        int dim = density.Dimension;
        double[] mode = FindMode(density, InitialPoint(problem), cancellationToken);
        AffineDensity standard = AffineDensity.Laplace(density, mode);
        IReadOnlyList<double>? start = nuts.InitialPoint;
        if (start is { } given && given.Count == dim)
        {
            var z = new double[dim];
            standard.ToStandard([.. given], z);
            start = z;
        }

        cancellationToken.ThrowIfCancellationRequested();
        PosteriorSample standardSample = NutsSampler.Sample(standard, nuts with { InitialPoint = start, ParameterNames = null }, progress, cancellationToken);
        int chains = standardSample.Chains, draws = standardSample.Draws;
        var values = new double[(long)chains * draws * dim];
        for (int c = 0; c < chains; c++)
        {
            for (int d = 0; d < draws; d++)
            {
                standard.ToOriginal(standardSample.Draw(c, d), values.AsSpan(((c * draws) + d) * dim, dim));
            }
        }

        string[] names = [.. problem.Parameters.Select(p => p.Name)];
        PosteriorSample sample = PosteriorSample.Owning(chains, draws, names, values, standardSample.Diagnostics);
        if (Converged(sample))
        {
            return sample;
        }

        // The map is fitted to the mode; a posterior far from Gaussian (a weakly identified adstock, a skewed tail)
        // can defeat it. Then sample u directly, as before the map existed; the evaluation count covers both runs.
        PosteriorSample direct = NutsSampler.Sample(density, nuts with { ParameterNames = names }, progress, cancellationToken);
        return direct.With(names, direct.Diagnostics with
        {
            GradientEvaluations = (int)Math.Min((long)direct.Diagnostics.GradientEvaluations + standardSample.Diagnostics.GradientEvaluations, int.MaxValue),
        });
    }

    /// <summary>
    /// Whether a preconditioned run is kept: every R-hat ≤ 1.01 and bulk ESS ≥ 100 per chain when there are at least 2
    /// chains (Vehtari et al. 2021's thresholds), and divergences in at most 1 % of the draws.
    /// </summary>
    private static bool Converged(PosteriorSample sample)
    {
        if (sample.Diagnostics.Divergences > 0.01 * sample.Chains * sample.Draws)
        {
            return false;
        }

        if (sample.Chains < 2)
        {
            return true;
        }

        foreach (ParameterSummary s in sample.Summary)
        {
            if (!(s.Rhat <= 1.01) || !(s.EssBulk >= Math.Min(100.0 * sample.Chains, 0.1 * sample.Chains * sample.Draws)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A start for the optimiser: the intercept at half the mean KPI, σ at half its spread, the rest at prior centres.</summary>
    internal static double[] InitialPoint(MediaMixProblem problem)
    {
        ParameterInfo[] info = problem.Parameters;
        var u = new double[info.Length];
        double mean = problem.Kpi.Average();
        double spread = 0;
        foreach (double y in problem.Kpi)
        {
            spread += (y - mean) * (y - mean);
        }

        spread = Math.Sqrt(spread / problem.Kpi.Length);
        for (int i = 0; i < info.Length; i++)
        {
            Prior prior = info[i].Prior;
            double centre = prior.Family switch
            {
                PriorFamily.Normal or PriorFamily.Laplace => 0,
                PriorFamily.HalfNormal => 0.5 * prior.First,
                PriorFamily.Gamma => prior.First / prior.Second,
                PriorFamily.LogNormal => Math.Exp(prior.First),
                _ => prior.First / (prior.First + prior.Second),
            };
            u[i] = MediaMixDensity.Unconstrain(info[i].Support, centre);
        }

        u[0] = 0.5 * mean;
        foreach (ChannelTerm channel in problem.Channels)
        {
            u[channel.Offset] = Math.Log(Math.Max(0.05, 0.5 * mean / problem.Channels.Length));
        }

        u[problem.SigmaIndex] = Math.Log(Math.Max(1e-3, 0.5 * spread));
        return u;
    }

    /// <summary>The posterior mode on the unconstrained scale by MathNet's L-BFGS.</summary>
    internal static double[] FindMode(ILogDensity density, double[] start, CancellationToken cancellationToken)
    {
        int dim = density.Dimension;
        var gradient = new double[dim];
        var best = (double[])start.Clone();
        double bestValue = double.NegativeInfinity;
        var objective = ObjectiveFunction.Gradient(point =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            double[] p = point.AsArray() ?? point.ToArray();
            double lp = density.Evaluate(p, gradient);
            if (lp > bestValue)
            {
                bestValue = lp;
                Array.Copy(p, best, dim);
            }

            var g = Vector<double>.Build.Dense(dim);
            for (int i = 0; i < dim; i++)
            {
                g[i] = -gradient[i];
            }

            return (double.IsFinite(lp) ? -lp : double.MaxValue, g);
        });
        var minimizer = new LimitedMemoryBfgsMinimizer(gradientTolerance: 1e-7, parameterTolerance: 1e-12, functionProgressTolerance: 1e-13, memory: 10, maximumIterations: 5000);
        Vector<double> x = Vector<double>.Build.DenseOfArray(start);
        // L-BFGS can stop early on a line-search failure; restarting from where it stopped finishes the climb.
        for (int attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                MinimizationResult result = minimizer.FindMinimum(objective, x);
                x = result.MinimizingPoint;
                if (result.ReasonForExit is ExitCondition.AbsoluteGradient or ExitCondition.RelativeGradient)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is InnerOptimizationException or MaximumIterationsException or ArgumentException)
            {
                // Retry from the best point seen with a fresh memory.
                x = Vector<double>.Build.DenseOfArray(best);
            }
        }

        return x.ToArray();
    }
}
