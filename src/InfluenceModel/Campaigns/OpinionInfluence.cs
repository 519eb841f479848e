using InfluenceModel.Diffusion;
using InfluenceModel.Internal;
using InfluenceModel.Networks;
using InfluenceModel.Opinions;

namespace InfluenceModel.Campaigns;

/// <summary>
/// An <see cref="OpinionModel"/> — SIR or SIS word of mouth, or any opinion model (voter, majority rule, DeGroot,
/// Friedkin–Johnsen, Hegselmann–Krause, Deffuant–Weisbuch) — as a campaign's word-of-mouth process
/// (<see cref="CampaignBuilder.WithInfluence"/>; scenario <c>"influence": { "model": "sir" }</c>). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The mapping: each call starts the opinion model from the period's seeds holding 1 (opinion 1; telling) and every other
/// consumer 0, runs it for at most <see cref="RoundsPerPeriod"/> periods (fewer when it is absorbed or converges), and
/// counts as adopters the seeds plus every consumer whose final value is at least <see cref="AdoptionThreshold"/>: for
/// SIR a consumer who was ever told, for SIS one telling at the end, for the binary models one holding opinion 1, for the
/// continuous models one whose opinion reached the threshold. A seed always counts (it adopted through a channel, the
/// ambassador program or organically); the other adopters count as compliance in the campaign's mechanism split.
/// </para>
/// <para>
/// The opinion models read the graph as they do in <see cref="OpinionSimulator"/>: SIR and SIS, voter and majority rule
/// ignore the arc weights (the campaign network's peer-influence weights λ/indeg(v) are used by the continuous models as
/// trust). With <see cref="WordOfMouthModel.Recovery"/> = 1 SIR is the independent cascade with uniform probability
/// <see cref="WordOfMouthModel.Transmission"/>. The run draws from the stream the campaign gives it, so campaigns stay
/// reproducible at any parallelism. Equations: <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/opinion-dynamics.md">docs/models/opinion-dynamics.md</see>.
/// </para>
/// </remarks>
public sealed class OpinionInfluence : DiffusionModel
{
    private readonly int _roundsPerPeriod = 100;
    private readonly double _adoptionThreshold = 0.5;

    /// <summary>Word of mouth by <paramref name="model"/>.</summary>
    /// <param name="model">The opinion or word-of-mouth model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public OpinionInfluence(OpinionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
    }

    /// <summary>The opinion or word-of-mouth model.</summary>
    public OpinionModel Model { get; }

    /// <summary>The model's name (<see cref="OpinionModel.Name"/>): "sir", "sis", "voter", ….</summary>
    public override string Name => Model.Name;

    /// <summary>The most periods (rounds) the model runs within one campaign period, in [1, 100,000]; default 100 (as <see cref="KelmanInfluence.MaxPeriods"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [1, 100,000].</exception>
    public int RoundsPerPeriod
    {
        get => _roundsPerPeriod;
        init => _roundsPerPeriod = Guard.InRange(value, 1, 100_000, nameof(RoundsPerPeriod));
    }

    /// <summary>
    /// The final value at or above which a consumer adopts, in (0, 1]; default 0.5. Word-of-mouth and binary models end
    /// at 0 or 1, so any threshold gives the same adopters; it matters for the continuous models.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1].</exception>
    public double AdoptionThreshold
    {
        get => _adoptionThreshold;
        init => _adoptionThreshold = Guard.InRangeExclusiveMin(value, 0, 1, nameof(AdoptionThreshold));
    }

    internal override Func<CascadeRun> Prepare(SocialGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        int n = graph.NodeCount;
        Func<OpinionRun> create = Model.Prepare(new OpinionRequest(graph, Model, new double[n]) { MaxPeriods = _roundsPerPeriod });
        long threshold = (long)Math.Ceiling(_adoptionThreshold * OpinionRun.FixedScale);
        int rounds = _roundsPerPeriod;
        return () => new Runner(create(), n, rounds, threshold);
    }

    /// <summary>One worker's opinion run and buffers (reused call after call). Not thread-safe.</summary>
    private sealed class Runner(OpinionRun run, int nodeCount, int rounds, long threshold) : CascadeRun
    {
        private readonly long[] _finals = new long[nodeCount];
        private readonly int[] _seedStamp = new int[nodeCount];
        private readonly int[] _adopters = new int[nodeCount];
        private int _adopterCount, _call;

        public override int Run(ReadOnlySpan<int> seeds, ref Xoshiro256 rng, List<DiffusionPeriod>? trace)
        {
            _call++;
            int seeded = 0;
            foreach (int s in seeds)
            {
                if (_seedStamp[s] != _call)
                {
                    _seedStamp[s] = _call;
                    seeded++;
                }
            }

            trace?.Add(new DiffusionPeriod(0, seeded, seeded, 0, null));
            bool done = run.StartFrom(seeds);
            int period = 0;
            while (!done && period < rounds)
            {
                CancellationToken.ThrowIfCancellationRequested();
                done = run.Step(ref rng);
                period++;
            }

            Array.Clear(_finals);
            run.AddFinal(_finals);
            _adopterCount = 0;
            for (int v = 0; v < _finals.Length; v++)
            {
                if (_seedStamp[v] == _call || _finals[v] >= threshold)
                {
                    _adopters[_adopterCount++] = v;
                }
            }

            if (trace is not null && period > 0)
            {
                trace.Add(new DiffusionPeriod(period, _adopterCount, _adopterCount - seeded, 0, null));
            }

            return _adopterCount;
        }

        public override void AddAdopters(int[] counts)
        {
            for (int i = 0; i < _adopterCount; i++)
            {
                counts[_adopters[i]]++;
            }
        }
    }
}
