using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// An immutable directed social graph: nodes 0..<see cref="NodeCount"/>−1, arcs stored twice in compressed sparse rows
/// (out-adjacency sorted by target, in-adjacency sorted by source) with one <see cref="float"/> weight per arc, an
/// optional group label per node, and the map between the ids of the input file and the dense node indices.
/// </summary>
/// <remarks>
/// <para>
/// Storage: 16 bytes per arc (target and weight in out-order, source and weight in in-order) plus 8 bytes per node for
/// the two offset arrays, plus 8 bytes per node for integer ids or a string reference per node for string ids. Ten
/// million arcs take about 160 MB (see <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/performance.md">docs/performance.md</see>).
/// </para>
/// <para>
/// Node ids: everything this library reports about nodes names them by the ids of the input file
/// (<see cref="NodeId(int)"/>); dense indices are an internal numbering. Use <see cref="IndexOf(string)"/> to turn ids
/// into indices for the APIs that take indices.
/// </para>
/// <para>
/// Arc weights mean what the caller made them mean: <see cref="WithEdgeProbabilities(EdgeProbabilities)"/> turns them
/// into the propagation probabilities (IC) or influence weights (LT) that the diffusion models read. This type is
/// immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class SocialGraph
{
    private readonly int[] _outOffsets;
    private readonly int[] _outTargets;
    private readonly float[] _outWeights;
    private readonly int[] _inOffsets;
    private readonly int[] _inSources;
    private readonly float[] _inWeights;
    private readonly int[]? _groups;
    private readonly NodeIdMap _ids;

    internal SocialGraph(int[] outOffsets, int[] outTargets, float[] outWeights, int[] inOffsets, int[] inSources,
        float[] inWeights, int[]? groups, NodeIdMap ids, bool hasWeights = true)
    {
        HasWeights = hasWeights;
        _outOffsets = outOffsets;
        _outTargets = outTargets;
        _outWeights = outWeights;
        _inOffsets = inOffsets;
        _inSources = inSources;
        _inWeights = inWeights;
        _groups = groups;
        _ids = ids;
        GroupCount = CountGroups(groups);
    }

    /// <summary>The number of nodes n.</summary>
    public int NodeCount => _outOffsets.Length - 1;

    /// <summary>The number of arcs m (an undirected tie counts as two arcs).</summary>
    public int EdgeCount => _outTargets.Length;

    /// <summary>Whether the nodes carry group labels (<see cref="GroupOf(int)"/>).</summary>
    public bool HasGroups => _groups is not null;

    /// <summary>
    /// Whether the arcs carry weights of their own: true for an edge list whose lines all have a third column, for
    /// <see cref="FromEdges"/> and after <see cref="WithEdgeProbabilities(EdgeProbabilities)"/>; false for a graph file
    /// converted from an edge list without weights and for <see cref="GraphGenerators.RMat"/>, whose weights all read 1.
    /// <see cref="EdgeProbabilities.FromWeights"/> refuses a graph without weights, so a missing column never becomes p = 1.
    /// </summary>
    public bool HasWeights { get; }

    /// <summary>The number of distinct group labels (1 + the largest label), or 0 when the graph has no groups.</summary>
    public int GroupCount { get; }

    /// <summary>The number of arcs leaving <paramref name="node"/>.</summary>
    /// <param name="node">A dense node index in [0, <see cref="NodeCount"/>).</param>
    /// <returns>The out-degree.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is outside [0, <see cref="NodeCount"/>).</exception>
    public int OutDegree(int node)
    {
        CheckNode(node);
        return _outOffsets[node + 1] - _outOffsets[node];
    }

    /// <summary>The number of arcs entering <paramref name="node"/>.</summary>
    /// <param name="node">A dense node index in [0, <see cref="NodeCount"/>).</param>
    /// <returns>The in-degree.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is outside [0, <see cref="NodeCount"/>).</exception>
    public int InDegree(int node)
    {
        CheckNode(node);
        return _inOffsets[node + 1] - _inOffsets[node];
    }

    /// <summary>The heads of the arcs leaving <paramref name="node"/>, ascending.</summary>
    /// <param name="node">A dense node index in [0, <see cref="NodeCount"/>).</param>
    /// <returns>A view of the out-neighbours' dense indices, parallel to <see cref="OutWeights(int)"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is outside [0, <see cref="NodeCount"/>).</exception>
    public ReadOnlySpan<int> OutNeighbors(int node)
    {
        CheckNode(node);
        return _outTargets.AsSpan(_outOffsets[node], _outOffsets[node + 1] - _outOffsets[node]);
    }

    /// <summary>The weights of the arcs leaving <paramref name="node"/>, parallel to <see cref="OutNeighbors(int)"/>.</summary>
    /// <param name="node">A dense node index in [0, <see cref="NodeCount"/>).</param>
    /// <returns>A view of the weights.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is outside [0, <see cref="NodeCount"/>).</exception>
    public ReadOnlySpan<float> OutWeights(int node)
    {
        CheckNode(node);
        return _outWeights.AsSpan(_outOffsets[node], _outOffsets[node + 1] - _outOffsets[node]);
    }

    /// <summary>The tails of the arcs entering <paramref name="node"/>, ascending.</summary>
    /// <param name="node">A dense node index in [0, <see cref="NodeCount"/>).</param>
    /// <returns>A view of the in-neighbours' dense indices, parallel to <see cref="InWeights(int)"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is outside [0, <see cref="NodeCount"/>).</exception>
    public ReadOnlySpan<int> InNeighbors(int node)
    {
        CheckNode(node);
        return _inSources.AsSpan(_inOffsets[node], _inOffsets[node + 1] - _inOffsets[node]);
    }

    /// <summary>The weights of the arcs entering <paramref name="node"/>, parallel to <see cref="InNeighbors(int)"/>.</summary>
    /// <param name="node">A dense node index in [0, <see cref="NodeCount"/>).</param>
    /// <returns>A view of the weights.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is outside [0, <see cref="NodeCount"/>).</exception>
    public ReadOnlySpan<float> InWeights(int node)
    {
        CheckNode(node);
        return _inWeights.AsSpan(_inOffsets[node], _inOffsets[node + 1] - _inOffsets[node]);
    }

    /// <summary>The group label of <paramref name="node"/> (for example its stochastic-block-model block).</summary>
    /// <param name="node">A dense node index in [0, <see cref="NodeCount"/>).</param>
    /// <returns>The label, ≥ 0, or −1 when the graph has no groups.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is outside [0, <see cref="NodeCount"/>).</exception>
    public int GroupOf(int node)
    {
        CheckNode(node);
        return _groups is null ? -1 : _groups[node];
    }

    /// <summary>The id of <paramref name="node"/> in the input file (for generated graphs: the index itself).</summary>
    /// <param name="node">A dense node index in [0, <see cref="NodeCount"/>).</param>
    /// <returns>The input id, as text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is outside [0, <see cref="NodeCount"/>).</exception>
    public string NodeId(int node)
    {
        CheckNode(node);
        return _ids[node];
    }

    /// <summary>Looks up the dense index of an input-file id.</summary>
    /// <param name="id">The id as written in the input file (integer ids in canonical decimal form).</param>
    /// <param name="node">The dense index, or −1 when the id is unknown.</param>
    /// <returns>Whether the id names a node of this graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public bool TryGetIndex(string id, out int node)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _ids.TryGetIndex(id.Trim(), out node);
    }

    /// <summary>The dense index of an input-file id.</summary>
    /// <param name="id">The id as written in the input file.</param>
    /// <returns>The dense index in [0, <see cref="NodeCount"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> names no node of this graph.</exception>
    public int IndexOf(string id) => TryGetIndex(id, out int node)
        ? node
        : throw new ArgumentException($"Node id '{id}' is not in the graph ({NodeCount} nodes).", nameof(id));

    /// <summary>The dense indices of several input-file ids, in the given order.</summary>
    /// <param name="ids">Input-file ids.</param>
    /// <returns>The dense indices.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> or one of its elements is null.</exception>
    /// <exception cref="ArgumentException">An id names no node of this graph (the message names it).</exception>
    public IReadOnlyList<int> IndicesOf(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new List<int>();
        foreach (string id in ids)
        {
            ArgumentNullException.ThrowIfNull(id, nameof(ids));
            result.Add(TryGetIndex(id, out int node)
                ? node
                : throw new ArgumentException($"Node id '{id}' is not in the graph ({NodeCount} nodes).", nameof(ids)));
        }

        return result;
    }

    /// <summary>
    /// A graph with the same arcs and ids whose arc weights are the propagation probabilities (IC) or influence
    /// weights (LT) of <paramref name="probabilities"/>. The topology arrays are shared, not copied.
    /// </summary>
    /// <param name="probabilities">The edge-probability convention, e.g. <see cref="EdgeProbabilities.WeightedCascade"/>.</param>
    /// <returns>The re-weighted graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="probabilities"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <see cref="EdgeProbabilities.FromWeights"/> and some current weight lies outside [0, 1], or the graph has no weights
    /// of its own (<see cref="HasWeights"/> false).
    /// </exception>
    public SocialGraph WithEdgeProbabilities(EdgeProbabilities probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        return probabilities.Apply(this);
    }

    /// <summary>A graph with the same arcs and weights and the given group label per node.</summary>
    /// <param name="groups">One label ≥ 0 per node (dense index order), or null to remove the labels.</param>
    /// <returns>The labelled graph; the arrays are shared, not copied.</returns>
    /// <exception cref="ArgumentException"><paramref name="groups"/> does not have one label per node.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is negative.</exception>
    public SocialGraph WithGroups(IReadOnlyList<int>? groups) =>
        new(_outOffsets, _outTargets, _outWeights, _inOffsets, _inSources, _inWeights, CopyGroups(groups, NodeCount, nameof(groups)), _ids, HasWeights);

    /// <summary>
    /// A graph from arcs between dense node indices 0..<paramref name="nodeCount"/>−1, whose ids are the indices
    /// themselves ("0", "1", …).
    /// </summary>
    /// <param name="nodeCount">The number of nodes, ≥ 0 (isolated nodes allowed).</param>
    /// <param name="edges">The arcs; weights finite and ≥ 0.</param>
    /// <param name="options">Undirected input, self-loops and duplicates; default <see cref="EdgeListOptions.Default"/>.</param>
    /// <param name="groups">Optional group label (≥ 0) per node.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edges"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nodeCount"/> is negative; an arc names a node outside [0, <paramref name="nodeCount"/>); a weight is
    /// negative, NaN or infinite; a group label is negative.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="groups"/> does not have one label per node.</exception>
    public static SocialGraph FromEdges(int nodeCount, IEnumerable<Edge> edges, EdgeListOptions? options = null, IReadOnlyList<int>? groups = null)
    {
        Guard.NonNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        var buffer = new EdgeBuffer(edges is ICollection<Edge> c ? c.Count : 16);
        foreach (Edge e in edges)
        {
            if ((uint)e.Source >= (uint)nodeCount || (uint)e.Target >= (uint)nodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(edges), e,
                    $"Arc {e.Source}→{e.Target} names a node outside [0, {nodeCount}).");
            }

            if (!float.IsFinite(e.Weight) || e.Weight < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(edges), e,
                    $"Arc {e.Source}→{e.Target} has weight {e.Weight}; weights must be finite and ≥ 0.");
            }

            buffer.Add(e.Source, e.Target, e.Weight);
        }

        int[]? labels = CopyGroups(groups, nodeCount, nameof(groups));
        return GraphBuilder.Build(nodeCount, buffer, options ?? EdgeListOptions.Default, labels, NodeIdMap.Identity(nodeCount));
    }

    /// <summary>
    /// Reads a whitespace-separated edge list: one arc per line, <c>u v</c> or <c>u v w</c>; blank lines and lines
    /// starting with <c>#</c> or <c>%</c> are skipped. A file whose name ends in <c>.gz</c> is decompressed. The arcs get
    /// the propagation probabilities of <paramref name="probabilities"/>.
    /// </summary>
    /// <remarks>
    /// Ids are relabelled densely 0..n−1 in order of first appearance, and the map is kept
    /// (<see cref="NodeId(int)"/>, <see cref="IndexOf(string)"/>). When every id is an integer in canonical decimal form
    /// the ids are stored as 64-bit integers; otherwise every id is an ordinal string.
    /// <para>
    /// With <see cref="EdgeProbabilities.FromWeights"/> the file's third column is the probability, and a line without
    /// one is an error unless <see cref="EdgeListOptions.DefaultWeight"/> was set explicitly: a missing column must not
    /// silently become p = 1.
    /// </para>
    /// </remarks>
    /// <param name="path">The file path.</param>
    /// <param name="options">Directed or undirected, self-loops, duplicates, default weight; null for <see cref="EdgeListOptions.Default"/>.</param>
    /// <param name="probabilities">The edge-probability convention, e.g. <see cref="EdgeProbabilities.WeightedCascade"/> (what the
    /// overloads without this parameter and the <c>influence</c> command use) or <see cref="EdgeProbabilities.FromWeights"/>.</param>
    /// <returns>The graph, its arc weights the propagation probabilities (IC) or influence weights (LT).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="probabilities"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">
    /// A line is not <c>u v</c> or <c>u v w</c> with w finite and ≥ 0 (the message gives the line number and text); or
    /// <paramref name="probabilities"/> is <see cref="EdgeProbabilities.FromWeights"/>, some line has no weight and no
    /// <see cref="EdgeListOptions.DefaultWeight"/> was set; or a line holds a control character (NUL, ESC, BEL, …) or is
    /// longer than 1 MiB; or the text is UTF-16. The message gives the file, the line number and the line, with control
    /// characters escaped.
    /// </exception>
    /// <exception cref="InvalidDataException">
    /// A <c>.gz</c> file is empty, not gzip data, corrupt, or truncated (its trailer's CRC-32 and length do not match the
    /// data; multi-member gzip is not supported); or the graph would need more memory than the process has (the message
    /// gives the estimate).
    /// </exception>
    /// <exception cref="ArgumentException"><see cref="EdgeProbabilities.FromWeights"/> and some weight lies outside [0, 1].</exception>
    public static SocialGraph LoadEdgeList(string path, EdgeListOptions? options, EdgeProbabilities probabilities)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Edge list not found: {path}", path);
        }

        return Load(o => EdgeListReader.ReadFile(path, o), options, probabilities, path);
    }

    /// <summary>
    /// Reads an edge list file with weighted-cascade probabilities p(u,v) = 1/indeg(v) (the library's and the CLI's one
    /// default); see <see cref="LoadEdgeList(string, EdgeListOptions?, EdgeProbabilities)"/>.
    /// </summary>
    /// <param name="path">The file path (<c>.gz</c> is decompressed).</param>
    /// <param name="options">Directed or undirected, self-loops, duplicates; null for <see cref="EdgeListOptions.Default"/>.</param>
    /// <returns>The graph with weighted-cascade probabilities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line is malformed; the message gives the line number and text.</exception>
    public static SocialGraph LoadEdgeList(string path, EdgeListOptions? options) => LoadEdgeList(path, options, EdgeProbabilities.WeightedCascade);

    /// <summary>Reads a directed edge list file with weighted-cascade probabilities; see <see cref="LoadEdgeList(string, EdgeListOptions?, EdgeProbabilities)"/>.</summary>
    /// <param name="path">The file path (<c>.gz</c> is decompressed).</param>
    /// <returns>The graph with weighted-cascade probabilities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A line is malformed; the message gives the line number and text.</exception>
    public static SocialGraph LoadEdgeList(string path) => LoadEdgeList(path, null, EdgeProbabilities.WeightedCascade);

    /// <summary>Reads a (not compressed) whitespace-separated edge list from a stream; see <see cref="LoadEdgeList(string, EdgeListOptions?, EdgeProbabilities)"/>.</summary>
    /// <param name="stream">A readable stream of UTF-8 text; left open. Wrap a gzip stream in a <see cref="System.IO.Compression.GZipStream"/> first.</param>
    /// <param name="options">Directed or undirected, self-loops, duplicates, default weight; null for <see cref="EdgeListOptions.Default"/>.</param>
    /// <param name="probabilities">The edge-probability convention (<see cref="EdgeProbabilities.FromWeights"/> keeps the stream's weights).</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="probabilities"/> is null.</exception>
    /// <exception cref="FormatException">A line is malformed, or a weight is missing under <see cref="EdgeProbabilities.FromWeights"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="EdgeProbabilities.FromWeights"/> and some weight lies outside [0, 1].</exception>
    /// <exception cref="InvalidDataException">The graph would need more memory than the process has.</exception>
    public static SocialGraph LoadEdgeList(Stream stream, EdgeListOptions? options, EdgeProbabilities probabilities)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(probabilities);
        return Load(o => EdgeListReader.Read(stream, o), options, probabilities, "the edge list");
    }

    /// <summary>Reads an edge list from a stream with weighted-cascade probabilities; see <see cref="LoadEdgeList(Stream, EdgeListOptions?, EdgeProbabilities)"/>.</summary>
    /// <param name="stream">A readable stream of UTF-8 text; left open.</param>
    /// <param name="options">Directed or undirected, self-loops, duplicates; null for <see cref="EdgeListOptions.Default"/>.</param>
    /// <returns>The graph with weighted-cascade probabilities.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="FormatException">A line is malformed; the message gives the line number and text.</exception>
    public static SocialGraph LoadEdgeList(Stream stream, EdgeListOptions? options) => LoadEdgeList(stream, options, EdgeProbabilities.WeightedCascade);

    /// <summary>Reads, refuses missing weights when the weights are the probabilities, then applies the convention.</summary>
    private static SocialGraph Load(Func<EdgeListOptions, SocialGraph> read, EdgeListOptions? options, EdgeProbabilities probabilities, string source)
    {
        options ??= EdgeListOptions.Default;
        bool keepWeights = ReferenceEquals(probabilities, EdgeProbabilities.FromWeights);
        if (!keepWeights || options.DefaultWeightIsSet)
        {
            return read(options).WithEdgeProbabilities(probabilities);
        }

        SocialGraph graph = read(options.MarkingMissingWeights());
        int missing = 0;
        foreach (float w in graph._outWeights)
        {
            if (float.IsNaN(w))
            {
                missing++;
            }
        }

        if (missing > 0)
        {
            throw new FormatException(
                $"{source}: {missing:N0} of {graph.EdgeCount:N0} arcs have no weight (third column), but the file's weights were asked for as probabilities (EdgeProbabilities.FromWeights); give every line a weight, set EdgeListOptions.DefaultWeight for the lines without one, or choose another convention such as weighted cascade.");
        }

        return graph.WithEdgeProbabilities(probabilities);
    }

    /// <summary>
    /// Writes the graph to a binary graph file (format version 3, usually named <c>*.imgraph</c>): both arc orders,
    /// weights, group labels and node ids, with a checksum, so that <see cref="LoadBinary(string)"/> reads it back without
    /// parsing. The
    /// file is written under a temporary name beside <paramref name="path"/> and renamed, so a failure never leaves a
    /// partial file. The layout is documented in <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/performance.md">docs/performance.md</see> ("Binary graph files").
    /// </summary>
    /// <param name="path">The file to create or replace.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The string ids take more than 2 GiB of UTF-8.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    /// <exception cref="PlatformNotSupportedException">The machine is big-endian.</exception>
    public void SaveBinary(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        GraphFile.Save(this, path);
    }

    /// <summary>
    /// Reads a binary graph file written by <see cref="SaveBinary(string)"/>: the file is read in blocks, on every core,
    /// straight into the graph's arrays (no parsing), then the checksum and the structure (including that the
    /// in-adjacency is the out-adjacency reversed) are verified (times in
    /// <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/performance.md">docs/performance.md</see>, "Graph input").
    /// A version-2 file (written before 2026-12-01, without the in-adjacency) is still read, with the in-adjacency
    /// rebuilt, which is much slower on large graphs; <c>influence graph convert OLD NEW</c> rewrites it as version 3.
    /// </summary>
    /// <param name="path">The file path.</param>
    /// <returns>The graph, equal to the one saved (arcs, weights, labels and ids).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not a graph file, has a format version other than 2 or 3, is truncated, or is corrupt (checksum or
    /// structure); the message says which.
    /// </exception>
    /// <exception cref="PlatformNotSupportedException">The machine is big-endian.</exception>
    public static SocialGraph LoadBinary(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return GraphFile.Load(path);
    }

    /// <summary>Whether the file at <paramref name="path"/> is a binary graph file (it starts with the magic bytes <c>IMGRAPH\0</c>).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>True for a binary graph file (of any version); false for anything else, such as an edge list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static bool IsBinaryFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return GraphFile.HasMagic(path);
    }

    // ---- Raw CSR access for hot loops (Diffusion, Seeding). Internal: the public surface is the span accessors above. ----

    /// <summary>Out-CSR offsets, length n+1: the arcs leaving u are indices [OutOffsets[u], OutOffsets[u+1]) of <see cref="OutTargetArray"/>.</summary>
    internal int[] OutOffsetArray => _outOffsets;

    /// <summary>Out-CSR heads, length m, ascending within each row.</summary>
    internal int[] OutTargetArray => _outTargets;

    /// <summary>Out-CSR weights, length m, parallel to <see cref="OutTargetArray"/> (the arc's probability after <see cref="WithEdgeProbabilities"/>).</summary>
    internal float[] OutWeightArray => _outWeights;

    /// <summary>
    /// In-CSR offsets, length n+1: the arcs entering v are indices [InOffsets[v], InOffsets[v+1]) of
    /// <see cref="InSourceArray"/> and <see cref="InWeightArray"/>. This is what reverse-reachable-set samplers walk.
    /// </summary>
    internal int[] InOffsetArray => _inOffsets;

    /// <summary>In-CSR tails, length m, ascending within each row.</summary>
    internal int[] InSourceArray => _inSources;

    /// <summary>
    /// In-CSR weights, length m, parallel to <see cref="InSourceArray"/>: the same value as the arc's out-order weight
    /// (for a graph from <see cref="WithEdgeProbabilities"/>, p(u,v) of the in-edge u→v).
    /// </summary>
    internal float[] InWeightArray => _inWeights;

    /// <summary>The map between input-file ids and dense indices.</summary>
    internal NodeIdMap IdMap => _ids;

    /// <summary>Group labels (length n) or null.</summary>
    internal int[]? GroupArray => _groups;

    /// <summary>Bytes held by the graph's arrays (CSR, labels, ids), excluding object headers and the lazy id index.</summary>
    internal long SizeInBytes =>
        (4L * (_outOffsets.Length + _inOffsets.Length)) + (8L * (_outTargets.Length + _inSources.Length))
        + (_groups is null ? 0 : 4L * _groups.Length) + _ids.SizeInBytes;

    /// <summary>A graph sharing this topology, labels and ids with new weights in both orders.</summary>
    internal SocialGraph WithWeightArrays(float[] outWeights, float[] inWeights) =>
        new(_outOffsets, _outTargets, outWeights, _inOffsets, _inSources, inWeights, _groups, _ids);

    /// <summary>
    /// This graph marked as having no weights of its own (<see cref="HasWeights"/> false), every weight 1. The arrays
    /// are shared when they already hold only 1s (what the generators and a weightless edge list produce).
    /// </summary>
    internal SocialGraph WithoutWeights()
    {
        bool ones = _outWeights.AsSpan().IndexOfAnyExcept(1f) < 0 && _inWeights.AsSpan().IndexOfAnyExcept(1f) < 0;
        float[] outWeights = _outWeights, inWeights = _inWeights;
        if (!ones)
        {
            outWeights = new float[_outWeights.Length];
            inWeights = new float[_inWeights.Length];
            Array.Fill(outWeights, 1f);
            Array.Fill(inWeights, 1f);
        }

        return new(_outOffsets, _outTargets, outWeights, _inOffsets, _inSources, inWeights, _groups, _ids, hasWeights: false);
    }

    private void CheckNode(int node)
    {
        if ((uint)node >= (uint)NodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node, $"node must be a node index in [0, {NodeCount}); it was {node}.");
        }
    }

    private static int[]? CopyGroups(IReadOnlyList<int>? groups, int nodeCount, string paramName)
    {
        if (groups is null)
        {
            return null;
        }

        if (groups.Count != nodeCount)
        {
            throw new ArgumentException($"{paramName} must have one label per node ({nodeCount}); it has {groups.Count}.", paramName);
        }

        var labels = new int[nodeCount];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = groups[i] >= 0
                ? groups[i]
                : throw new ArgumentOutOfRangeException(paramName, groups[i], $"{paramName}[{i}] must be a group label ≥ 0; it was {groups[i]}.");
        }

        return labels;
    }

    private static int CountGroups(int[]? groups)
    {
        if (groups is null)
        {
            return 0;
        }

        int max = -1;
        foreach (int g in groups)
        {
            max = Math.Max(max, g);
        }

        return max + 1;
    }
}
