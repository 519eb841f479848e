using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Orleans;

/// <summary>
/// Where every silo finds the graph: a file path valid on each silo (the graph is replicated, not sent), read as a
/// binary graph file (<see cref="GraphFile"/>, recognised by its magic bytes) or as a text edge list with
/// <see cref="TextOptions"/>. Each silo loads it once and keeps it; a run checks that the silos' graph is the one in the
/// request (same nodes, arcs and weights) before it starts.
/// </summary>
public sealed record ClusterGraph
{
    /// <summary>Creates a graph source.</summary>
    /// <param name="path">The graph file's path on every silo (absolute, or relative to each silo's working directory).</param>
    /// <param name="textOptions">How a text edge list is read (ignored for a binary graph file); null for <see cref="EdgeListOptions.Default"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or white space.</exception>
    public ClusterGraph(string path, EdgeListOptions? textOptions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        TextOptions = textOptions ?? EdgeListOptions.Default;
    }

    /// <summary>The graph file's path on every silo.</summary>
    public string Path { get; }

    /// <summary>How a text edge list is read; not used for a binary graph file.</summary>
    public EdgeListOptions TextOptions { get; }

    /// <summary>The wire form.</summary>
    internal GraphSpec ToSpec() => new(
        Path,
        TextOptions.Undirected,
        TextOptions.KeepSelfLoops,
        TextOptions.KeepDuplicateArcs,
        TextOptions.DefaultWeightIsSet ? TextOptions.DefaultWeight : null);

    /// <summary>
    /// A fingerprint of the graph's structure and weights (nodes, arcs, out-CSR arrays), to check that silos and client
    /// work on the same graph.
    /// </summary>
    internal static GraphFingerprint Fingerprint(SocialGraph graph)
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
    [property: Id(4)] float? DefaultWeight)
{
    /// <summary>Reads the graph (binary file or text edge list).</summary>
    public SocialGraph Load()
    {
        if (GraphFile.HasMagic(Path))
        {
            return GraphFile.Load(Path);
        }

        var options = new EdgeListOptions { Undirected = Undirected, KeepSelfLoops = KeepSelfLoops, KeepDuplicateArcs = KeepDuplicateArcs };
        if (DefaultWeight is { } weight)
        {
            options = options with { DefaultWeight = weight };
        }

        return EdgeListReader.ReadFile(Path, options);
    }
}

/// <summary>Nodes, arcs and a checksum of the CSR arrays of a graph.</summary>
[GenerateSerializer]
[Immutable]
internal readonly record struct GraphFingerprint([property: Id(0)] int Nodes, [property: Id(1)] int Arcs, [property: Id(2)] ulong Checksum)
{
    public override string ToString() => $"{Nodes:N0} nodes, {Arcs:N0} arcs, checksum {Checksum:x16}";
}
