using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Diffusion;

/// <summary>
/// The linear threshold model (Kempe, Kleinberg and Tardos 2003; Granovetter 1978): every node draws a threshold
/// θ_v ~ U(0, 1]; in period t + 1 an inactive node v activates when Σ_{u active at t} w(u,v) ≥ θ_v, where w(u,v) is the
/// arc weight. Activation is permanent; the cascade stops when a period activates nobody.
/// </summary>
/// <remarks>
/// Weights must lie in [0, 1] with Σ_u w(u,v) ≤ 1 for every v (<see cref="EdgeProbabilities.ValidateLinearThreshold"/>;
/// <see cref="EdgeProbabilities.WeightedCascade"/> satisfies it). Random stream: each simulation first draws θ_v for
/// v = 0, 1, …, n−1 in node order (θ_v = 1 − <c>NextDouble</c>, so θ_v ∈ (0, 1] and a node without active in-neighbours never activates) and draws nothing else, the same consumption as
/// <see cref="KelmanInfluence"/>, which therefore reproduces this model outcome for outcome when it reduces to it.
/// Immutable and thread-safe.
/// </remarks>
public sealed class LinearThreshold : DiffusionModel
{
    /// <inheritdoc/>
    public override string Name => "LT";

    internal override Func<CascadeRun> Prepare(SocialGraph graph)
    {
        EdgeProbabilities.ValidateLinearThreshold(graph);
        return () => new Runner(graph.OutOffsetArray, graph.OutTargetArray, graph.OutWeightArray, graph.NodeCount);
    }

    /// <summary>Draws θ_v ~ U(0,1] for every node in node order: the shared first step of LT and Kelman.</summary>
    internal static void DrawThresholds(double[] thresholds, ref Xoshiro256 rng)
    {
        for (int v = 0; v < thresholds.Length; v++)
        {
            thresholds[v] = 1.0 - rng.NextDouble();
        }
    }

    private sealed class Runner(int[] offsets, int[] targets, float[] weights, int nodeCount) : CascadeRun
    {
        private readonly double[] _threshold = new double[nodeCount];
        private readonly double[] _influence = new double[nodeCount];
        private readonly int[] _stamp = new int[nodeCount];
        private readonly byte[] _active = new byte[nodeCount];
        private readonly int[] _queue = new int[nodeCount];
        private int _generation;
        private int _count;

        public override int Run(ReadOnlySpan<int> seeds, ref Xoshiro256 rng, List<DiffusionPeriod>? trace)
        {
            DrawThresholds(_threshold, ref rng);
            byte[] active = _active;
            int[] queue = _queue, stamp = _stamp;
            double[] influence = _influence, threshold = _threshold;
            for (int i = 0; i < _count; i++)
            {
                active[queue[i]] = 0;
            }

            int generation = ++_generation;
            int tail = 0;
            foreach (int s in seeds)
            {
                if (active[s] == 0)
                {
                    active[s] = 1;
                    queue[tail++] = s;
                }
            }

            trace?.Add(new DiffusionPeriod(0, tail, tail, 0, null));
            int head = 0, period = 0;
            while (head < tail)
            {
                // Period t: push the weights of the nodes activated at t; nodes crossing θ join period t + 1.
                int levelEnd = tail;
                for (; head < levelEnd; head++)
                {
                    int u = queue[head];
                    for (int e = offsets[u]; e < offsets[u + 1]; e++)
                    {
                        int v = targets[e];
                        if (active[v] != 0)
                        {
                            continue;
                        }

                        double sum = (stamp[v] == generation ? influence[v] : 0.0) + weights[e];
                        stamp[v] = generation;
                        influence[v] = sum;
                        if (sum >= threshold[v])
                        {
                            active[v] = 1;
                            queue[tail++] = v;
                        }
                    }
                }

                if (tail > levelEnd)
                {
                    period++;
                    trace?.Add(new DiffusionPeriod(period, tail, tail - levelEnd, 0, null));
                }
            }

            _count = tail;
            return tail;
        }

        public override void AddAdopters(int[] counts)
        {
            for (int i = 0; i < _count; i++)
            {
                counts[_queue[i]]++;
            }
        }
    }
}
