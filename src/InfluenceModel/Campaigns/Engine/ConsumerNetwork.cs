using InfluenceModel.Diffusion;
using InfluenceModel.Internal;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;

namespace InfluenceModel.Campaigns;

/// <summary>
/// The synthetic consumer network of a campaign and its employees: a stochastic block model (Holland, Laskey and
/// Leinhardt 1983, <see cref="GraphGenerators.StochasticBlockModel"/>) with one block per segment, the segment kept as
/// each consumer's group label, and peer-influence weights w(u,v) = λ/indeg(v) (weighted cascade scaled by the peer
/// influence λ ∈ (0, 1]; linear-threshold compatible: in-weights sum to λ), built through the public Networks API.
/// </summary>
/// <remarks>
/// Block sizes n_g = round(share_g·n) (the last block takes the rest). Edge probabilities are chosen so that the
/// expected degree is the scenario's average degree d and a share h (homophily) of it is inside the own segment:
/// p_gg = h·d/(n_g − 1) and p_gk = (1 − h)·d·n / Σ_g n_g(n − n_g) for g ≠ k (capped at 1).
/// </remarks>
internal static class ConsumerNetwork
{
    public static SocialGraph Generate(ConsumerPopulation population, ulong seed)
    {
        int n = population.Consumers;
        IReadOnlyList<ConsumerSegment> segments = population.Segments;
        int blocks = segments.Count;
        var sizes = new int[blocks];
        int assigned = 0;
        for (int g = 0; g < blocks - 1; g++)
        {
            sizes[g] = Math.Min(n - assigned, (int)Math.Round(segments[g].Share * n));
            assigned += sizes[g];
        }

        sizes[blocks - 1] = n - assigned;
        double d = population.AverageDegree, h = population.Homophily;
        double between = 0;
        for (int g = 0; g < blocks; g++)
        {
            between += (double)sizes[g] * (n - sizes[g]);
        }

        double pOut = between > 0 ? Math.Min(1, (1 - h) * d * n / between) : 0;
        var probabilities = new double[blocks][];
        for (int g = 0; g < blocks; g++)
        {
            probabilities[g] = new double[blocks];
            for (int k = 0; k < blocks; k++)
            {
                probabilities[g][k] = g == k ? (sizes[g] > 1 ? Math.Min(1, h * d / (sizes[g] - 1)) : 0) : pOut;
            }
        }

        SocialGraph topology = GraphGenerators.StochasticBlockModel(sizes, probabilities, seed);
        var groups = new int[n];
        for (int v = 0; v < n; v++)
        {
            groups[v] = topology.GroupOf(v);
        }

        return SocialGraph.FromEdges(n, PeerWeightedArcs(topology, (float)population.PeerInfluence), null, groups);
    }

    /// <summary>Every arc u→v of <paramref name="topology"/> with weight λ/indeg(v) (the weighted cascade 1/indeg(v) in
    /// single precision, times λ), in the topology's arc order.</summary>
    private static IEnumerable<Edge> PeerWeightedArcs(SocialGraph topology, float peerInfluence)
    {
        for (int u = 0; u < topology.NodeCount; u++)
        {
            for (int i = 0; i < topology.OutDegree(u); i++)
            {
                int v = topology.OutNeighbors(u)[i];
                yield return new Edge(u, v, (1f / topology.InDegree(v)) * peerInfluence);
            }
        }
    }

    /// <summary>The employees: a uniformly random subset of <paramref name="count"/> consumers (sorted), deterministic by seed.</summary>
    public static int[] Employees(int consumers, int count, ulong seed)
    {
        var rng = new Xoshiro256(seed, 0xE3);
        var order = new int[consumers];
        for (int i = 0; i < consumers; i++)
        {
            order[i] = i;
        }

        for (int i = 0; i < count; i++)
        {
            int j = i + rng.NextInt(consumers - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        int[] chosen = order[..count];
        Array.Sort(chosen);
        return chosen;
    }

    /// <summary>
    /// Chooses <paramref name="count"/> ambassadors among the employees with the Seeding model: OPIM-C influence
    /// maximization (Tang et al. 2018) under linear threshold (the compliance core of the Kelman model) or independent
    /// cascade, restricted to the employee candidate set. <paramref name="cancellationToken"/> reaches the maximizer (the
    /// longest step of planning: without it Ctrl+C waited seconds for the RR sets).
    /// </summary>
    public static int[] SelectAmbassadors(IInfluenceMaximizer maximizer, SocialGraph graph, int[] employees, int count, DiffusionModel influence, ulong seed, CancellationToken cancellationToken = default)
    {
        if (count == 0)
        {
            return [];
        }

        DiffusionModel diffusion = influence is IndependentCascade ? new IndependentCascade() : new LinearThreshold();
        SeedSelection selection = maximizer.Select(
            new SeedingRequest(graph, diffusion, count) { Candidates = employees },
            new SimulationOptions { Seed = seed },
            null,
            cancellationToken);
        return [.. selection.Seeds];
    }
}
