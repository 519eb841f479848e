using InfluenceModel.Internal;

namespace InfluenceModel.Channels;

/// <summary>
/// Splits a budget across channels to maximise Σ_i f_i(x_i) subject to Σ_i x_i ≤ B, min_i ≤ x_i ≤ max_i and locked
/// spends, for curves that are concave or S-shaped (convex then concave, e.g. Hill with slope &gt; 1).
/// </summary>
/// <remarks>
/// <para>
/// <b>Concave curves</b> (exact): the KKT conditions say every channel strictly inside its bounds has the same
/// marginal return λ and channels at a bound could not gain by moving. For a multiplier λ each channel's spend is
/// x_i(λ) = clamp((f_i')^{-1}(λ), min_i, max_i) (closed form for Michaelis–Menten, logistic and Hill s = 1; MathNet's
/// Brent root finder otherwise); Σ x_i(λ) is nonincreasing in λ, so bisection on λ (in log space, to relative
/// width 1e-15) brackets the budget, and the last step interpolates between the two bracketing allocations so the
/// budget is spent exactly.
/// </para>
/// <para>
/// <b>S-shaped curves</b> (globally optimal to a relative tolerance, default 1e-9): maximising a sum of sigmoidal
/// functions is NP-hard in general (Udell and Boyd 2013), so no local or equal-marginal method is correct. We use
/// Udell and Boyd's branch and bound: on a box of spend intervals each curve is replaced by its concave envelope
/// (a chord from the box's lower end tangent to the concave part, then the curve), the concave problem is solved
/// exactly as above, which gives an upper bound; the true curves at that point give a feasible lower bound; the
/// channel with the largest envelope gap is split at its spend. Best-first search stops when the best upper bound
/// is within the tolerance of the incumbent — a proof of global optimality, reported as
/// <see cref="Allocation.OptimalityGap"/>. Concave problems finish at the root node.
/// </para>
/// <para>
/// The whole budget is spent unless every channel is at its upper bound. Deterministic (nothing is simulated), so it
/// takes no <see cref="SimulationOptions"/>. Host apps use <see cref="IBudgetAllocator"/>. Thread-safe.
/// </para>
/// </remarks>
public static class BudgetAllocator
{
    /// <summary>Node limit of the branch and bound; reaching it returns the incumbent with its proven gap.</summary>
    internal const int MaxNodes = 200_000;

    /// <summary>The progress stage reported by <see cref="Allocate"/>.</summary>
    internal const string Stage = "branch and bound";

    /// <summary>Maximises Σ f_i(x_i) subject to Σ x_i ≤ Budget, the bounds and the locked spends.</summary>
    /// <param name="request">Channels, budget, bounds, locked channels and tolerance.</param>
    /// <param name="progress">Receives the branch-and-bound nodes solved (total unknown in advance; the last report has Completed = Total = nodes); null for none.</param>
    /// <param name="cancellationToken">Cancels a long branch and bound (checked at every node).</param>
    /// <returns>The optimal allocation, one <see cref="ChannelAllocation"/> per channel in the request's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">Bounds/locked do not match the channels, or the minimums exceed the budget.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A locked index is outside the channels or a locked spend outside its bounds.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static Allocation Allocate(AllocationRequest request, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<Channel> channels = request.Channels;
        int n = channels.Count;
        var f = new IResponseCurve[n];
        var lo = new double[n];
        var hi = new double[n];
        for (int i = 0; i < n; i++)
        {
            f[i] = channels[i].Curve;
            lo[i] = 0;
            hi[i] = double.PositiveInfinity;
        }

        if (request.Bounds is { } bounds)
        {
            if (bounds.Count != n)
            {
                throw Guard.Invalid(nameof(request.Bounds), $"Bounds has {bounds.Count} entries but there are {n} channels.");
            }

            for (int i = 0; i < n; i++)
            {
                if (bounds[i] is { } b)
                {
                    lo[i] = b.Min;
                    hi[i] = b.Max;
                }
            }
        }

        if (request.Locked is { } locked)
        {
            foreach ((int index, double spend) in locked)
            {
                if (index < 0 || index >= n)
                {
                    throw Guard.OutOfRange(nameof(request.Locked), index, $"Locked channel index must be in [0, {n - 1}]; it was {index}.");
                }

                Guard.NonNegative(spend, nameof(request.Locked));
                if (spend < lo[index] || spend > hi[index])
                {
                    throw Guard.OutOfRange(nameof(request.Locked), spend, $"Locked spend of channel {index} must lie inside its bounds [{lo[index]}, {hi[index]}]; it was {spend}.");
                }

                lo[index] = spend;
                hi[index] = spend;
            }
        }

        double sumLo = 0;
        for (int i = 0; i < n; i++)
        {
            sumLo += lo[i];
        }

        double budget = request.Budget;
        if (sumLo > budget * (1 + 1e-12))
        {
            throw Guard.Invalid(
                nameof(request.Budget),
                $"Infeasible: minimum and locked spends add up to {sumLo:G6}, more than the Budget {budget:G6}.");
        }

        var reporter = new ProgressReporter(progress, Stage, 0);
        double[] x = Solve(f, lo, hi, budget, request.Tolerance, reporter, cancellationToken, out double gap, out int nodes);
        progress?.Report(new ProgressReport(Stage, nodes, nodes));
        return Describe(channels, x, budget, gap, nodes);
    }

    internal static Allocation Describe(IReadOnlyList<Channel> channels, double[] x, double budget, double gap, int nodes)
    {
        int n = channels.Count;
        var lines = new ChannelAllocation[n];
        double total = 0, spent = 0;
        for (int i = 0; i < n; i++)
        {
            Channel channel = channels[i];
            double response = channel.Curve.Value(x[i]);
            double cost = channel.FixedCost + x[i];
            lines[i] = new ChannelAllocation
            {
                Name = channel.Name,
                FixedCost = channel.FixedCost,
                Spend = x[i],
                Response = response,
                ResponsePerSpend = cost > 0 ? response / cost : 0,
                MarginalResponse = channel.Curve.Derivative(x[i]),
            };
            total += response;
            spent += x[i];
        }

        return new Allocation
        {
            Channels = lines,
            TotalResponse = Finite(total),
            TotalSpend = spent,
            Unspent = Math.Max(0, budget - spent),
            OptimalityGap = gap,
            NodesExplored = nodes,
        };
    }

    /// <summary>The branch and bound over spend boxes; lo/hi already include locked spends, Σ lo ≤ budget.</summary>
    internal static double[] Solve(IResponseCurve[] f, double[] lo, double[] hi, double budget, double tolerance, ProgressReporter? reporter, CancellationToken cancellationToken, out double gap, out int nodes)
    {
        int n = f.Length;
        double sumLo = 0;
        for (int i = 0; i < n; i++)
        {
            sumLo += lo[i];
        }

        double slack = Math.Max(0, budget - sumLo);
        var u = new double[n];
        double sumU = 0;
        for (int i = 0; i < n; i++)
        {
            u[i] = Math.Min(hi[i], lo[i] + slack);
            sumU += u[i];
        }

        nodes = 1;
        gap = 0;
        if (sumU <= budget)
        {
            return u;
        }

        var relaxation = new Relaxation(f);
        var root = relaxation.Solve((double[])lo.Clone(), u, budget);
        double[] best = root.X;
        double bestValue = root.Lower;
        // Branch < 0: no channel's envelope lies above its curve at the relaxation's point, so the bound is the value.
        if (root.Branch < 0 || root.Upper - bestValue <= tolerance * Math.Max(1, Math.Abs(bestValue)))
        {
            gap = Math.Max(0, root.Upper - bestValue) / Math.Max(1, Math.Abs(bestValue));
            return best;
        }

        var queue = new PriorityQueue<Node, double>();
        queue.Enqueue(root, -root.Upper);
        double bestUpper = root.Upper;
        while (queue.TryDequeue(out Node? node, out double priority))
        {
            bestUpper = -priority;
            if (bestUpper - bestValue <= tolerance * Math.Max(1, Math.Abs(bestValue)))
            {
                break;
            }

            if (nodes >= MaxNodes)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            int j = node.Branch;
            double split = node.X[j];
            for (int side = 0; side < 2; side++)
            {
                var l = (double[])node.Lo.Clone();
                var h = (double[])node.Hi.Clone();
                if (side == 0)
                {
                    h[j] = split;
                }
                else
                {
                    l[j] = split;
                }

                double childLo = 0;
                for (int i = 0; i < n; i++)
                {
                    childLo += l[i];
                }

                if (childLo > budget * (1 + 1e-12))
                {
                    continue;
                }

                Node child = relaxation.Solve(l, h, budget);
                nodes++;
                reporter?.Advance();
                if (child.Lower > bestValue)
                {
                    bestValue = child.Lower;
                    best = child.X;
                }

                if (child.Branch >= 0 && child.Upper - bestValue > tolerance * Math.Max(1, Math.Abs(bestValue)))
                {
                    queue.Enqueue(child, -child.Upper);
                }
            }

            bestUpper = queue.TryPeek(out _, out double top) ? Math.Max(bestValue, -top) : bestValue;
        }

        gap = Math.Max(0, bestUpper - bestValue) / Math.Max(1, Math.Abs(bestValue));
        return best;
    }

    /// <summary>The debug-only check of the numeric contract at this public result boundary.</summary>
    private static double Finite(double value)
    {
        Guard.AssertFinite(value);
        return value;
    }

    internal sealed record Node(double[] Lo, double[] Hi, double[] X, double Upper, double Lower, int Branch);

    /// <summary>Solves max Σ env_i(x_i) s.t. Σ x_i = budget on a box, env_i the concave envelope of f_i on [lo_i, hi_i].</summary>
    private sealed class Relaxation(IResponseCurve[] f)
    {
        private readonly Envelope[] _env = new Envelope[f.Length];

        public Node Solve(double[] lo, double[] hi, double budget)
        {
            int n = f.Length;
            double sumHi = 0;
            for (int i = 0; i < n; i++)
            {
                _env[i] = new Envelope(f[i], lo[i], hi[i]);
                sumHi += hi[i];
            }

            double[] x = sumHi <= budget ? (double[])hi.Clone() : Multiplier.Solve(_env, budget);
            double upper = 0, lower = 0, worst = 0;
            int branch = -1;
            for (int i = 0; i < n; i++)
            {
                double fx = f[i].Value(x[i]);
                double env = _env[i].Value(x[i]);
                upper += env;
                lower += fx;
                if (env - fx > worst)
                {
                    worst = env - fx;
                    branch = i;
                }
            }

            return new Node(lo, hi, x, Math.Max(upper, lower), lower, branch);
        }
    }
}

/// <summary>Equal-marginal solution of max Σ env_i(x_i) s.t. Σ x_i = budget over concave envelopes.</summary>
internal static class Multiplier
{
    private static double Fill(Envelope[] env, double lambda, double[] x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = env[i].Spend(lambda);
            sum += x[i];
        }

        return sum;
    }

    /// <summary>Bisection on the multiplier λ (log space), then interpolation to spend the budget exactly.</summary>
    public static double[] Solve(Envelope[] env, double budget)
    {
        int n = env.Length;
        var xa = new double[n]; // λa: Σ x ≥ budget (smaller λ)
        var xb = new double[n]; // λb: Σ x ≤ budget (larger λ)
        var xm = new double[n];
        double lambdaA = 1, lambdaB = 1;
        double sa = Fill(env, 1, xa);
        double sb = sa;
        Array.Copy(xa, xb, n);
        if (sa >= budget)
        {
            // Raise λ until the spend drops to the budget.
            while (sb > budget && lambdaB < 1e300)
            {
                lambdaA = lambdaB;
                sa = sb;
                (xa, xb) = (xb, xa);
                lambdaB *= 16;
                sb = Fill(env, lambdaB, xb);
            }
        }
        else
        {
            while (sa < budget && lambdaA > 1e-300)
            {
                lambdaB = lambdaA;
                sb = sa;
                (xa, xb) = (xb, xa);
                lambdaA /= 16;
                sa = Fill(env, lambdaA, xa);
            }

            if (sa < budget)
            {
                lambdaA = 0;
                sa = Fill(env, 0, xa);
            }
        }

        for (int iter = 0; iter < 200 && lambdaA > 0 && sa != sb && lambdaB / lambdaA - 1 > 1e-15; iter++)
        {
            double mid = Math.Sqrt(lambdaA) * Math.Sqrt(lambdaB);
            if (mid <= lambdaA || mid >= lambdaB)
            {
                break;
            }

            double sm = Fill(env, mid, xm);
            if (sm >= budget)
            {
                lambdaA = mid;
                sa = sm;
                (xa, xm) = (xm, xa);
            }
            else
            {
                lambdaB = mid;
                sb = sm;
                (xb, xm) = (xm, xb);
            }
        }

        double t = sa > sb ? Math.Clamp((budget - sb) / (sa - sb), 0, 1) : 0;
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Clamp(xb[i] + (t * (xa[i] - xb[i])), env[i].Lo, env[i].Hi);
        }

        return x;
    }
}
