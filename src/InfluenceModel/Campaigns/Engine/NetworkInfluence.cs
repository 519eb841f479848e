using InfluenceModel.Diffusion;
using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Campaigns;

/// <summary>
/// Word of mouth in one campaign period: the Diffusion model (Kelman, LT or IC) run from the period's seed set on the
/// consumer network. This is the one place where the Diffusion model plugs in.
/// </summary>
/// <remarks>
/// It calls the internal <c>DiffusionModel.Prepare</c> on purpose (<see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/architecture.md">docs/architecture.md</see>, "Internal calls across
/// namespaces"): a campaign runs the model twice per period per Monte-Carlo run (campaign and baseline world) from a
/// given seed set, on a given random stream (seed, 3i + 2), into per-thread buffers that are reused; the public
/// <see cref="DiffusionModel.Simulate"/> allocates a trace and string ids per call and always uses stream 0.
/// </remarks>
/// <remarks>
/// Each call starts a fresh run of the model from the cumulative seed set with the stream of the Monte-Carlo run, so
/// the random draws that come first (the thresholds θ_v of LT and Kelman) are the same in every period of a run: a
/// consumer keeps one threshold for the whole campaign.
/// </remarks>
internal sealed class NetworkInfluence
{
    private readonly Func<CascadeRun> _factory;
    private readonly int _nodeCount;

    public NetworkInfluence(DiffusionModel model, SocialGraph graph)
    {
        Model = model;
        _factory = model.Prepare(graph);
        _nodeCount = graph.NodeCount;
    }

    public DiffusionModel Model { get; }

    public Runner CreateRunner() => new(_factory(), _nodeCount);

    /// <summary>Per-thread state. Not thread-safe.</summary>
    internal sealed class Runner(CascadeRun run, int nodeCount)
    {
        private readonly int[] _counts = new int[nodeCount];
        private readonly List<DiffusionPeriod> _trace = [];

        /// <summary>Runs the model from <paramref name="seeds"/>; marks the adopters; returns the adopters by mechanism.</summary>
        public NetworkOutcome Run(ReadOnlySpan<int> seeds, ulong seed, ulong stream, bool[] adopted)
        {
            Array.Clear(adopted);
            if (seeds.IsEmpty)
            {
                return default;
            }

            _trace.Clear();
            var rng = new Xoshiro256(seed, stream);
            int total = run.Run(seeds, ref rng, _trace);
            Array.Clear(_counts);
            run.AddAdopters(_counts);
            for (int v = 0; v < _counts.Length; v++)
            {
                adopted[v] = _counts[v] > 0;
            }

            AdoptionMechanisms? m = _trace.Count > 0 ? _trace[^1].Mechanisms : null;
            return m is null
                ? new NetworkOutcome(total, total - seeds.Length, 0, 0)
                : new NetworkOutcome(total, m.Compliance, m.Identification, m.Internalization);
        }
    }
}

/// <summary>Adopters after a period's word of mouth; for IC and LT every non-seed adopter counts as compliance.</summary>
internal readonly record struct NetworkOutcome(int Total, int Compliance, int Identification, int Internalization);
