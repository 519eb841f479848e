using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Orleans;

/// <summary>
/// The graphs a silo holds, loaded once per source (path, read options and probability convention) and shared by every
/// partition on the silo (the replicated graph of Ripples-style distributed seeding), with their reverse RR-sampling
/// views per model kind. At most <see cref="Capacity"/> graphs are kept: loading another drops the least recently used
/// (a run that still uses a dropped graph keeps its own reference until it ends). Registered as a singleton by
/// <see cref="InfluenceModelSiloExtensions.AddInfluenceModel"/>.
/// </summary>
internal sealed class SiloGraphs
{
    /// <summary>Graphs kept at once (a graph of 100M arcs takes about 2 GB).</summary>
    public const int Capacity = 2;

    private readonly Lock _lock = new();
    private readonly List<(GraphSpec Spec, Lazy<Loaded> Graph)> _graphs = []; // most recently used last

    /// <summary>The sources held now, least recently used first (for tests).</summary>
    public IReadOnlyList<GraphSpec> Held
    {
        get
        {
            lock (_lock)
            {
                return [.. _graphs.Select(g => g.Spec)];
            }
        }
    }

    /// <summary>The graph of <paramref name="spec"/> and its fingerprint, loading it on first use.</summary>
    public (SocialGraph Graph, GraphFingerprint Fingerprint) Get(GraphSpec spec)
    {
        Loaded loaded = Entry(spec);
        return (loaded.Graph, loaded.Fingerprint);
    }

    /// <summary>The reverse view RR sets are sampled from (IC or LT).</summary>
    public ReverseInfluenceGraph Reverse(GraphSpec spec, bool linearThreshold)
    {
        Loaded loaded = Entry(spec);
        return (linearThreshold ? loaded.LinearThreshold : loaded.IndependentCascade).Value;
    }

    private Loaded Entry(GraphSpec spec)
    {
        Lazy<Loaded> lazy;
        lock (_lock)
        {
            int at = _graphs.FindIndex(g => g.Spec == spec);
            if (at >= 0)
            {
                lazy = _graphs[at].Graph;
                _graphs.RemoveAt(at);
            }
            else
            {
                lazy = new Lazy<Loaded>(() => Loaded.From(spec));
                if (_graphs.Count >= Capacity)
                {
                    _graphs.RemoveAt(0);
                }
            }

            _graphs.Add((spec, lazy));
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed load (missing file) is not cached: the next run retries.
            lock (_lock)
            {
                _graphs.RemoveAll(g => ReferenceEquals(g.Graph, lazy));
            }

            throw;
        }
    }

    private sealed class Loaded
    {
        /// <summary>Graphs of at least this many arcs are followed by a compacting collection that returns the load's garbage to the OS.</summary>
        private const long CompactAfterArcs = 1_000_000;

        private Loaded(SocialGraph graph)
        {
            Graph = graph;
            Fingerprint = ClusterGraph.Fingerprint(graph);
            IndependentCascade = new(() => Create(false));
            LinearThreshold = new(() => Create(true));
        }

        public SocialGraph Graph { get; }

        public GraphFingerprint Fingerprint { get; }

        public Lazy<ReverseInfluenceGraph> IndependentCascade { get; }

        public Lazy<ReverseInfluenceGraph> LinearThreshold { get; }

        public static Loaded From(GraphSpec spec)
        {
            var loaded = new Loaded(spec.Load());
            if (loaded.Graph.EdgeCount >= CompactAfterArcs)
            {
                // Loading leaves garbage the size of a weight array: an unweighted file's shared array of 1s once the
                // convention gives the arcs their probabilities (0.48 GB on the 118.8 M-arc R-MAT graph), or a text reader's
                // buffers. A normal collection frees it but the process keeps the memory; an aggressive one returns it
                // (measured on the 10.2 M-arc graph: RSS 252 → 211 MB, the 41 MB of 1s, for 171 MB of live graph).
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            return loaded;
        }

        private ReverseInfluenceGraph Create(bool linearThreshold) =>
            ReverseInfluenceGraph.Create(Graph.NodeCount, Graph.InOffsetArray, Graph.InSourceArray, Graph.InWeightArray, linearThreshold);
    }
}
