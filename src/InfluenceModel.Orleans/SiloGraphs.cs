using System.Collections.Concurrent;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Orleans;

/// <summary>
/// The graphs a silo holds, loaded once per source and shared by every partition on the silo (the replicated graph of
/// Ripples-style distributed seeding), with their reverse RR-sampling views per model kind. Registered as a singleton
/// by <see cref="InfluenceModelSiloExtensions.AddInfluenceModel"/>.
/// </summary>
internal sealed class SiloGraphs
{
    private readonly ConcurrentDictionary<GraphSpec, Lazy<Loaded>> _graphs = new();
    private readonly ConcurrentDictionary<(GraphSpec Spec, bool LinearThreshold), Lazy<ReverseInfluenceGraph>> _reverse = new();

    /// <summary>The graph of <paramref name="spec"/> and its fingerprint, loading it on first use.</summary>
    public (SocialGraph Graph, GraphFingerprint Fingerprint) Get(GraphSpec spec)
    {
        var lazy = _graphs.GetOrAdd(spec, s => new Lazy<Loaded>(() =>
        {
            SocialGraph graph = s.Load();
            return new Loaded(graph, ClusterGraph.Fingerprint(graph));
        }));
        try
        {
            Loaded loaded = lazy.Value;
            return (loaded.Graph, loaded.Fingerprint);
        }
        catch
        {
            // A failed load (missing file) is not cached: the next run retries.
            _graphs.TryRemove(spec, out _);
            throw;
        }
    }

    /// <summary>The reverse view RR sets are sampled from (IC or LT).</summary>
    public ReverseInfluenceGraph Reverse(GraphSpec spec, bool linearThreshold) =>
        _reverse.GetOrAdd((spec, linearThreshold), key => new Lazy<ReverseInfluenceGraph>(() =>
        {
            SocialGraph g = Get(key.Spec).Graph;
            return ReverseInfluenceGraph.Create(g.NodeCount, g.InOffsetArray, g.InSourceArray, g.InWeightArray, key.LinearThreshold);
        })).Value;

    private sealed record Loaded(SocialGraph Graph, GraphFingerprint Fingerprint);
}
