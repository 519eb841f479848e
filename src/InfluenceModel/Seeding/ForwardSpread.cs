using InfluenceModel.Internal;

namespace InfluenceModel.Seeding;

/// <summary>
/// Forward Monte-Carlo spread of a seed set over the out-edges (IC: each newly active u tries each inactive out-neighbour
/// once with probability p(u,v); LT: thresholds θ_v ~ U[0,1] drawn on first contact, v activates when the weight from
/// active in-neighbours reaches θ_v). Run r draws from <c>Xoshiro256(seed, r)</c>; per-run spreads are summed in run
/// order, so the mean is identical at any parallelism. Used by the CELF greedy (common random numbers: every call with
/// the same seed reuses the same streams) and as the independent check of the RR-set estimates in the tests.
/// </summary>
internal static class ForwardSpread
{
    /// <summary>Mean spread (seeds included) and its standard error over <paramref name="simulations"/> runs.</summary>
    public static (double Mean, double StandardError) Estimate(
        SeedingProblem problem,
        ReadOnlySpan<int> seeds,
        int simulations,
        ulong seed)
    {
        int[] seedArray = seeds.ToArray();
        var spreads = new int[simulations];
        bool lt = problem.Reverse.IsLinearThreshold;
        DeterministicParallel.For(
            simulations,
            problem.Parallelism,
            () => new RunState(problem.NodeCount),
            (state, start, end) =>
            {
                for (int r = start; r < end; r++)
                {
                    problem.CancellationToken.ThrowIfCancellationRequested();
                    var rng = new Xoshiro256(seed, (ulong)r);
                    spreads[r] = lt ? state.RunLinearThreshold(problem, seedArray, ref rng, r + 1) : state.RunCascade(problem, seedArray, ref rng, r + 1);
                }
            },
            problem.CancellationToken);

        double sum = 0, sumSquares = 0;
        foreach (int s in spreads)
        {
            sum += s;
            sumSquares += (double)s * s;
        }

        double mean = sum / simulations;
        double variance = simulations > 1 ? Math.Max(0.0, (sumSquares - (sum * mean)) / (simulations - 1)) : 0.0;
        return (mean, Math.Sqrt(variance / simulations));
    }

    private sealed class RunState(int nodeCount)
    {
        private readonly int[] _active = new int[nodeCount];
        private readonly int[] _touched = new int[nodeCount];
        private readonly double[] _threshold = new double[nodeCount];
        private readonly double[] _weight = new double[nodeCount];
        private readonly int[] _queue = new int[nodeCount];

        public int RunCascade(SeedingProblem problem, int[] seeds, ref Xoshiro256 rng, int stamp)
        {
            int tail = Start(seeds, stamp);
            for (int head = 0; head < tail; head++)
            {
                int u = _queue[head];
                for (int e = problem.OutOffsets[u]; e < problem.OutOffsets[u + 1]; e++)
                {
                    int v = problem.OutTargets[e];
                    if (_active[v] != stamp && rng.NextUInt32() < ReverseInfluenceGraph.Threshold(problem.OutWeights[e]))
                    {
                        _active[v] = stamp;
                        _queue[tail++] = v;
                    }
                }
            }

            return tail;
        }

        public int RunLinearThreshold(SeedingProblem problem, int[] seeds, ref Xoshiro256 rng, int stamp)
        {
            int tail = Start(seeds, stamp);
            for (int head = 0; head < tail; head++)
            {
                int u = _queue[head];
                for (int e = problem.OutOffsets[u]; e < problem.OutOffsets[u + 1]; e++)
                {
                    int v = problem.OutTargets[e];
                    if (_active[v] == stamp)
                    {
                        continue;
                    }

                    if (_touched[v] != stamp)
                    {
                        _touched[v] = stamp;
                        _weight[v] = 0;
                        _threshold[v] = 1.0 - rng.NextDouble(); // θ ∈ (0, 1]: a node without live weight never activates
                    }

                    _weight[v] += problem.OutWeights[e];
                    if (_weight[v] >= _threshold[v])
                    {
                        _active[v] = stamp;
                        _queue[tail++] = v;
                    }
                }
            }

            return tail;
        }

        private int Start(int[] seeds, int stamp)
        {
            int tail = 0;
            foreach (int s in seeds)
            {
                if (_active[s] != stamp)
                {
                    _active[s] = stamp;
                    _queue[tail++] = s;
                }
            }

            return tail;
        }
    }
}
