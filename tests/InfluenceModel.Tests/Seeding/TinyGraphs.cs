using InfluenceModel.Internal;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Tests.Seeding;

/// <summary>Random tiny graphs for brute-force oracles: 3–10 nodes, ≤ 12 arcs, probabilities in [0.05, 1].</summary>
internal static class TinyGraphs
{
    public static SocialGraph Random(int seed, DiffusionModel model)
    {
        var rng = new Xoshiro256((ulong)seed, 77);
        int n = 3 + rng.NextInt(8);
        int m = rng.NextInt(13);
        var arcs = new HashSet<(int, int)>();
        for (int attempt = 0; attempt < 200 && arcs.Count < m; attempt++)
        {
            int u = rng.NextInt(n), v = rng.NextInt(n);
            if (u != v)
            {
                arcs.Add((u, v));
            }
        }

        var inDegree = new int[n];
        foreach (var (_, v) in arcs)
        {
            inDegree[v]++;
        }

        var edges = new List<Edge>();
        foreach (var (u, v) in arcs.OrderBy(a => a.Item1).ThenBy(a => a.Item2))
        {
            double p = 0.05 + (0.95 * rng.NextDouble());
            // LT: scale so that every node's in-weights sum to at most 1.
            edges.Add(new Edge(u, v, (float)(model is LinearThreshold ? p / inDegree[v] : p)));
        }

        return SocialGraph.FromEdges(n, edges);
    }
}
