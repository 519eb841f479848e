using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Orleans;

/// <summary>
/// Where every silo finds the graph: a file path valid on each silo (the graph is replicated, not sent), read as a
/// binary graph file (<see cref="GraphFile"/>, recognised by its magic bytes), a GraphML (<c>.graphml</c>) or GML
/// (<c>.gml</c>) file, or a text edge list with <see cref="TextOptions"/>, and then given the arc probabilities of
/// <see cref="Probabilities"/> by the silo itself (the weighted cascade 1/indeg(v), for example, is computed on load from
/// the stored arcs, exactly as on the client), so no weighted copy of the graph is ever written. Each silo loads it once
/// and keeps it (at most two graphs per silo, the least recently used dropped first); a run checks that the silos' graph
/// is the one in the request (same nodes, arcs and weights) before it starts.
/// </summary>
public sealed record ClusterGraph
{
    /// <summary>Creates a graph source.</summary>
    /// <param name="path">The graph file's path on every silo (absolute, or relative to each silo's working directory).</param>
    /// <param name="textOptions">How a text edge list is read (ignored for a binary graph file); null for <see cref="EdgeListOptions.Default"/>.</param>
    /// <param name="probabilities">
    /// The convention each silo applies to the loaded graph, as the client did to the request's graph (e.g.
    /// <see cref="EdgeProbabilities.WeightedCascade"/>); null (default) keeps the weights as stored in the file.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public ClusterGraph(string path, EdgeListOptions? textOptions = null, EdgeProbabilities? probabilities = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        TextOptions = textOptions ?? EdgeListOptions.Default;
        Probabilities = probabilities;
    }

    /// <summary>The graph file's path on every silo.</summary>
    public string Path { get; }

    /// <summary>How a text edge list is read; not used for a binary graph file.</summary>
    public EdgeListOptions TextOptions { get; }

    /// <summary>The convention the silos apply to the loaded graph; null keeps the file's weights.</summary>
    public EdgeProbabilities? Probabilities { get; }

    /// <summary>The wire form.</summary>
    internal GraphSpec ToSpec() => new(
        Path,
        TextOptions.Undirected,
        TextOptions.KeepSelfLoops,
        TextOptions.KeepDuplicateArcs,
        TextOptions.DefaultWeightIsSet ? TextOptions.DefaultWeight : null,
        Probabilities is { } p ? ProbabilitySpec.Of(p.Definition) : null);

    /// <summary>Fingerprints already computed, per graph instance (a <see cref="SocialGraph"/> never changes).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SocialGraph, object> Fingerprints = [];

    /// <summary>
    /// A fingerprint of the graph's structure and weights (nodes, arcs, out-CSR arrays), to check that silos and client
    /// work on the same graph. Computed once per graph instance: a client asking many selections of one graph pays the
    /// checksum (0.4-0.7 ms on email-enron) once.
    /// </summary>
    internal static GraphFingerprint Fingerprint(SocialGraph graph) =>
        (GraphFingerprint)Fingerprints.GetValue(graph, static g => Compute(g));

    private static GraphFingerprint Compute(SocialGraph graph)
    {
        ulong sum = Checksum64.Compute(System.Runtime.InteropServices.MemoryMarshal.AsBytes(graph.OutOffsetArray.AsSpan()));
        sum = Checksum64.Compute(System.Runtime.InteropServices.MemoryMarshal.AsBytes(graph.OutTargetArray.AsSpan()), sum);
        sum = Checksum64.Compute(System.Runtime.InteropServices.MemoryMarshal.AsBytes(graph.OutWeightArray.AsSpan()), sum);
        return new GraphFingerprint(graph.NodeCount, graph.EdgeCount, sum);
    }
}

/// <summary>The serializable form of a <see cref="ClusterGraph"/>.</summary>
[GenerateSerializer]
[Immutable]
internal sealed record GraphSpec(
    [property: Id(0)] string Path,
    [property: Id(1)] bool Undirected,
    [property: Id(2)] bool KeepSelfLoops,
    [property: Id(3)] bool KeepDuplicateArcs,
    [property: Id(4)] float? DefaultWeight,
    [property: Id(5)] ProbabilitySpec? Probabilities = null)
{
    /// <summary>
    /// Reads the graph (binary file, GraphML/GML by extension, or text edge list) and applies the convention, through the
    /// same core calls as the CLI's client (<see cref="SocialGraph.LoadEdgeList(string, EdgeListOptions?, EdgeProbabilities)"/>
    /// for edge lists, <see cref="SocialGraph.WithEdgeProbabilities"/> after the others), so that the arrays are identical.
    /// </summary>
    public SocialGraph Load()
    {
        EdgeProbabilities? convention = Probabilities?.ToConvention();
        if (GraphFile.HasMagic(Path))
        {
            SocialGraph stored = GraphFile.Load(Path);
            return convention is null ? stored : stored.WithEdgeProbabilities(convention);
        }

        string extension = System.IO.Path.GetExtension(Path).ToUpperInvariant();
        if (extension is ".GRAPHML" or ".GML")
        {
            SocialGraph read = (extension == ".GML" ? AttributedGraph.LoadGml(Path) : AttributedGraph.LoadGraphML(Path)).Graph;
            return convention is null ? read : read.WithEdgeProbabilities(convention);
        }

        var options = new EdgeListOptions { Undirected = Undirected, KeepSelfLoops = KeepSelfLoops, KeepDuplicateArcs = KeepDuplicateArcs };
        if (DefaultWeight is { } weight)
        {
            options = options with { DefaultWeight = weight };
        }

        return convention is null ? EdgeListReader.ReadFile(Path, options) : SocialGraph.LoadEdgeList(Path, options, convention);
    }
}

/// <summary>The serializable form of an <see cref="EdgeProbabilities"/> convention (kind as a number, uniform p, trivalency seed).</summary>
[GenerateSerializer]
[Immutable]
internal sealed record ProbabilitySpec([property: Id(0)] int Kind, [property: Id(1)] double Probability, [property: Id(2)] ulong Seed)
{
    public static ProbabilitySpec Of(EdgeProbabilityDefinition definition) => new((int)definition.Kind, definition.Probability, definition.Seed);

    public EdgeProbabilities ToConvention() => EdgeProbabilities.FromDefinition(new((EdgeProbabilityKind)Kind, Probability, Seed));
}

/// <summary>Nodes, arcs and a checksum of the CSR arrays of a graph.</summary>
[GenerateSerializer]
[Immutable]
internal readonly record struct GraphFingerprint([property: Id(0)] int Nodes, [property: Id(1)] int Arcs, [property: Id(2)] ulong Checksum)
{
    public override string ToString() => $"{Nodes:N0} nodes, {Arcs:N0} arcs, checksum {Checksum:x16}";
}
