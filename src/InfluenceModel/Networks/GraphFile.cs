using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using InfluenceModel.Internal;
using Microsoft.Win32.SafeHandles;

namespace InfluenceModel.Networks;

/// <summary>
/// The binary graph file (<c>.imgraph</c>): a <see cref="SocialGraph"/>'s two CSR orders, weights, group labels and node
/// ids, read back into the graph's arrays without parsing.
/// </summary>
/// <remarks>
/// <para>
/// Layout (little-endian), version 3. A 64-byte header: magic <c>IMGRAPH\0</c> (8 bytes), version (uint32), flags
/// (uint32: bit 0 group labels; bits 1–2 the ids: 0 the indices themselves, 1 64-bit integers, 2 UTF-8 strings; bit 3
/// the arcs have weights), node count n (int64), arc count m (int64), string-id bytes (int64), checksum (uint64), 16
/// reserved zero bytes. Then the sections, each starting on an 8-byte boundary with zero padding: out-offsets
/// int32[n+1], targets int32[m], out-weights float32[m] (flag bit 3), in-offsets int32[n+1], sources int32[m],
/// in-weights float32[m] (flag bit 3), groups int32[n] (flag bit 0), ids (int64[n], or int32 offsets[n+1] followed by
/// the UTF-8 bytes). Version 2 is the same without the three in-CSR sections.
/// </para>
/// <para>
/// Versions: version 1 always stored a weight per arc, 1.0 where the edge list had none, and is refused with a message
/// asking to convert the edge list again, because its 1.0s cannot be told apart from given weights. Version 2 stored
/// only the out-CSR; it is still read (the in-CSR is rebuilt by a scatter, the old speed) and
/// <c>influence graph convert old.imgraph new.imgraph</c> rewrites it as version 3. Version 3 stores the in-CSR too,
/// because rebuilding it was the whole cost of a large load: on the 118.8 M-arc R-MAT graph the scatter
/// (<see cref="GraphBuilder.FromOutCsr"/>: three random accesses per arc into arrays of 28–475 MB) took about 85 % of
/// the load's CPU, against one sequential pass for everything else. The price is a file about twice as large (16 bytes
/// per weighted arc instead of 8).
/// </para>
/// <para>
/// Checksum (version 3): every section is cut into blocks of <see cref="BlockBytes"/>; each block's
/// <see cref="Checksum64"/> is taken on its own, and the file's 64-bit checksum is <see cref="Checksum64"/> of the
/// block checksums in file order, seeded with the checksum of the first 40 header bytes. Blocks can so be read and
/// checked on all cores at once, in any order, with a result that does not depend on the number of cores; a flipped bit
/// anywhere still changes it (each block checksum is a 64-bit hash, and their order is fixed by the header's counts).
/// Version 2 chained one checksum through the header and the sections, which must be computed in sequence.
/// </para>
/// <para>
/// After the checksum the structure is validated, because the diffusion and seeding loops index the arrays without
/// bounds checks: offsets ascending from 0 to m, targets and sources in [0, n), weights finite and ≥ 0, labels ≥ 0,
/// sources ascending within each in-row; and the in-CSR must be the transpose of the out-CSR, checked with an
/// order-independent 64-bit hash of the arc multiset (the wrapping sum of a 64-bit mix of each (source, target, weight))
/// computed once from each order. All of this is one parallel pass over the arrays.
/// </para>
/// <para>
/// Loading is a positional read per block straight into the array the graph keeps (no parsing, no intermediate copy,
/// no zeroing: <see cref="GC.AllocateUninitializedArray{T}(int, bool)"/>), on every core. Why not a memory-mapped view:
/// the diffusion and seeding loops index managed <c>int[]</c>/<c>float[]</c> arrays, so a mapped file would have to be
/// copied into them anyway, and measured on the 1 GB version-3 R-MAT file a mapped view plus copy took more CPU than
/// the read (page faults on the mapping on top of the faults on the arrays; "Graph input" in
/// <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/performance.md">docs/performance.md</see>).
/// A graph without weights gets one array of 1s shared by both orders.
/// </para>
/// </remarks>
internal static class GraphFile
{
    public const int Version = 3;
    public const int HeaderBytes = 64;

    /// <summary>The block size of the version-3 checksum and of the parallel reads: 256 KiB.</summary>
    public const int BlockBytes = 1 << 18;

    private const int ChecksumOffset = 40;
    private const uint FlagGroups = 1;
    private const uint FlagWeights = 8;
    private const uint IdShift = 1;
    private const uint IdMask = 3u << 1;
    private const uint IdIdentity = 0, IdInteger = 1, IdString = 2;

    /// <summary>The 8 magic bytes "IMGRAPH\0" that start every file.</summary>
    public static ReadOnlySpan<byte> Magic => "IMGRAPH\0"u8;

    /// <summary>Whether the file at <paramref name="path"/> starts with the magic bytes.</summary>
    public static bool HasMagic(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path);
        Span<byte> head = stackalloc byte[8];
        return RandomAccess.Read(handle, head, 0) == 8 && head.SequenceEqual(Magic);
    }

    /// <summary>The format version in the header of a file that starts with the magic bytes (0 when it is shorter than 12 bytes).</summary>
    public static uint VersionOf(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path);
        Span<byte> head = stackalloc byte[12];
        return RandomAccess.Read(handle, head, 0) == 12 ? BinaryPrimitives.ReadUInt32LittleEndian(head[8..]) : 0;
    }

    /// <summary>Writes <paramref name="graph"/>; <paramref name="version"/> 2 (out-CSR only) is kept for compatibility tests.</summary>
    public static void Save(SocialGraph graph, string path, int version = Version)
    {
        CheckEndianness();
        if (version is not (2 or Version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, $"version must be 2 or {Version}; it was {version}.");
        }

        int n = graph.NodeCount;
        NodeIdMap ids = graph.IdMap;
        uint idKind = ids.StringIds is not null ? IdString : ids.IntegerIds is not null ? IdInteger : IdIdentity;
        byte[][]? utf8 = null;
        int[]? stringOffsets = null;
        long idBytes = 0;
        if (ids.StringIds is { } strings)
        {
            utf8 = new byte[n][];
            stringOffsets = new int[n + 1];
            for (int i = 0; i < n; i++)
            {
                utf8[i] = Encoding.UTF8.GetBytes(strings[i]);
                idBytes += utf8[i].Length;
                stringOffsets[i + 1] = idBytes <= int.MaxValue
                    ? (int)idBytes
                    : throw new ArgumentException($"The graph's string ids take {idBytes:N0} bytes; a graph file holds at most {int.MaxValue:N0}.", nameof(graph));
            }
        }

        var header = new byte[HeaderBytes];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)version);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (graph.HasGroups ? FlagGroups : 0) | (graph.HasWeights ? FlagWeights : 0) | (idKind << (int)IdShift));
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), n);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), graph.EdgeCount);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(32), idBytes);

        var sections = new List<Array> { graph.OutOffsetArray, graph.OutTargetArray };
        if (graph.HasWeights)
        {
            sections.Add(graph.OutWeightArray);
        }

        if (version >= 3)
        {
            sections.Add(graph.InOffsetArray);
            sections.Add(graph.InSourceArray);
            if (graph.HasWeights)
            {
                sections.Add(graph.InWeightArray);
            }
        }

        if (graph.GroupArray is { } groups)
        {
            sections.Add(groups);
        }

        if (ids.IntegerIds is { } integers)
        {
            sections.Add(integers);
        }
        else if (stringOffsets is not null)
        {
            sections.Add(stringOffsets);
            var all = new byte[idBytes];
            for (int i = 0; i < n; i++)
            {
                utf8![i].CopyTo(all, stringOffsets[i]);
            }

            sections.Add(all);
        }

        List<Block> blocks = Plan(sections, HeaderBytes);
        ulong checksum;
        if (version == 2)
        {
            checksum = Checksum64.Compute(header.AsSpan(0, ChecksumOffset));
            foreach (Array section in sections)
            {
                checksum = Checksum64.Compute(Bytes(section, 0, checked((int)Buffer.ByteLength(section))), checksum);
            }
        }
        else
        {
            var digests = new ulong[blocks.Count];
            Parallel.For(0, blocks.Count, i => digests[i] = Checksum64.Compute(blocks[i].Span(sections)));
            checksum = Combine(header, digests);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(ChecksumOffset), checksum);

        // Written to a temporary file beside the target and renamed, so a failure never leaves a half-written graph.
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (SafeFileHandle handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write))
            {
                RandomAccess.Write(handle, header, 0);
                foreach (Block block in blocks)
                {
                    RandomAccess.Write(handle, block.Span(sections), block.FileOffset);
                }

                RandomAccess.SetLength(handle, End(sections, HeaderBytes));
                RandomAccess.FlushToDisk(handle);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public static SocialGraph Load(string path)
    {
        CheckEndianness();
        using SafeFileHandle handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        string name = EdgeListReader.Escape(path);
        var header = new byte[HeaderBytes];
        if (length < HeaderBytes || RandomAccess.Read(handle, header, 0) < HeaderBytes)
        {
            throw new InvalidDataException(length >= 8 && HasMagic(path)
                ? $"Graph file '{name}' is truncated: {length} bytes, shorter than its {HeaderBytes}-byte header."
                : $"'{name}' is not an InfluenceModel graph file ({length} bytes; a graph file starts with a {HeaderBytes}-byte header).");
        }

        if (!header.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{name}' is not an InfluenceModel graph file (it does not start with the magic bytes IMGRAPH).");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
        if (version == 1)
        {
            throw new InvalidDataException($"Graph file '{name}' has format version 1, which stored 1.0 for missing weights and so cannot say whether its arcs have weights; this library reads versions 2 and {Version}. Convert the edge list again with this version.");
        }

        if (version is not (2 or Version))
        {
            throw new InvalidDataException($"Graph file '{name}' has format version {version}; this library reads versions 2 and {Version}. Convert the edge list again with this version.");
        }

        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12));
        long n = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(16));
        long m = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(24));
        long idBytes = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(32));
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(ChecksumOffset));
        uint idKind = (flags & IdMask) >> (int)IdShift;
        bool hasGroups = (flags & FlagGroups) != 0;
        bool hasWeights = (flags & FlagWeights) != 0;
        if ((flags & ~(FlagGroups | FlagWeights | IdMask)) != 0 || idKind > IdString || header.AsSpan(48).ContainsAnyExcept((byte)0)
            || n < 0 || n >= Array.MaxLength || m < 0 || m > Array.MaxLength || idBytes < 0 || idBytes > int.MaxValue
            || (idKind != IdString && idBytes != 0))
        {
            throw Corrupt(name, "its header is invalid");
        }

        long csr = Align(4 * (n + 1)) + Align(4 * m) + (hasWeights ? Align(4 * m) : 0);
        long expected = HeaderBytes + (version >= 3 ? 2 * csr : csr) + (hasGroups ? Align(4 * n) : 0)
            + idKind switch { IdInteger => Align(8 * n), IdString => Align(4 * (n + 1)) + Align(idBytes), _ => 0 };
        if (length != expected)
        {
            throw new InvalidDataException(length < expected
                ? $"Graph file '{name}' is truncated: {length:N0} bytes, but its header ({n:N0} nodes, {m:N0} arcs) needs {expected:N0}."
                : $"Graph file '{name}' is corrupt: {length:N0} bytes, but its header ({n:N0} nodes, {m:N0} arcs) describes {expected:N0}.");
        }

        var layout = new Layout(name, flags, (int)n, (int)m, (int)idBytes, version);
        try
        {
            return version == 2 ? LoadVersion2(handle, layout, header, checksum) : LoadVersion3(handle, layout, header, checksum);
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith("Graph file", StringComparison.Ordinal))
        {
            throw Corrupt(name, ex.Message);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException($"Graph file '{name}' is truncated: {ex.Message}", ex);
        }
    }

    /// <summary>What the header says: the sections present and their lengths.</summary>
    private sealed record Layout(string Name, uint Flags, int N, int M, int IdBytes, uint Version)
    {
        public uint IdKind => (Flags & IdMask) >> (int)IdShift;

        public bool HasGroups => (Flags & FlagGroups) != 0;

        public bool HasWeights => (Flags & FlagWeights) != 0;
    }

    /// <summary>The arrays of a file, allocated without zeroing, in section order.</summary>
    private sealed class Arrays
    {
        public Arrays(Layout layout)
        {
            int n = layout.N, m = layout.M;
            OutOffsets = Add(GC.AllocateUninitializedArray<int>(n + 1));
            Targets = Add(GC.AllocateUninitializedArray<int>(m));
            OutWeights = layout.HasWeights ? Add(GC.AllocateUninitializedArray<float>(m)) : null;
            if (layout.Version >= 3)
            {
                InOffsets = Add(GC.AllocateUninitializedArray<int>(n + 1));
                Sources = Add(GC.AllocateUninitializedArray<int>(m));
                InWeights = layout.HasWeights ? Add(GC.AllocateUninitializedArray<float>(m)) : null;
            }

            Groups = layout.HasGroups ? Add(GC.AllocateUninitializedArray<int>(n)) : null;
            IntegerIds = layout.IdKind == IdInteger ? Add(GC.AllocateUninitializedArray<long>(n)) : null;
            StringOffsets = layout.IdKind == IdString ? Add(GC.AllocateUninitializedArray<int>(n + 1)) : null;
            StringBytes = layout.IdKind == IdString ? Add(GC.AllocateUninitializedArray<byte>(layout.IdBytes)) : null;
        }

        public List<Array> Sections { get; } = [];

        public int[] OutOffsets { get; }

        public int[] Targets { get; }

        public float[]? OutWeights { get; }

        public int[]? InOffsets { get; }

        public int[]? Sources { get; }

        public float[]? InWeights { get; }

        public int[]? Groups { get; }

        public long[]? IntegerIds { get; }

        public int[]? StringOffsets { get; }

        public byte[]? StringBytes { get; }

        private T[] Add<T>(T[] array)
        {
            Sections.Add(array);
            return array;
        }
    }

    private static SocialGraph LoadVersion3(SafeFileHandle handle, Layout layout, byte[] header, ulong checksum)
    {
        var arrays = new Arrays(layout);
        List<Block> blocks = Plan(arrays.Sections, HeaderBytes);
        var digests = new ulong[blocks.Count];
        float[]? ones = null;
        Run(() => Parallel.For(0, blocks.Count + 1, i =>
        {
            if (i == blocks.Count)
            {
                // A graph without weights: one array of 1s for both orders, filled while the blocks are read.
                ones = layout.HasWeights ? null : Ones(layout.M);
                return;
            }

            Span<byte> bytes = blocks[i].Span(arrays.Sections);
            ReadFully(handle, bytes, blocks[i].FileOffset);
            digests[i] = Checksum64.Compute(bytes);
        }));
        CheckPadding(handle, arrays.Sections, HeaderBytes);
        ulong actual = Combine(header, digests);
        if (actual != checksum)
        {
            throw Corrupt(layout.Name, $"its checksum is {actual:X16} but the header records {checksum:X16}");
        }

        float[] outWeights = arrays.OutWeights ?? ones!;
        float[] inWeights = arrays.InWeights ?? ones!;
        ValidateCsr(layout, arrays.OutOffsets, arrays.Targets, outWeights, arrays.InOffsets!, arrays.Sources!, inWeights, arrays.Groups);
        return new SocialGraph(arrays.OutOffsets, arrays.Targets, outWeights, arrays.InOffsets!, arrays.Sources!, inWeights, arrays.Groups, Ids(layout, arrays), layout.HasWeights);
    }

    private static SocialGraph LoadVersion2(SafeFileHandle handle, Layout layout, byte[] header, ulong checksum)
    {
        var arrays = new Arrays(layout);
        ulong actual = Checksum64.Compute(header.AsSpan(0, ChecksumOffset));
        long offset = HeaderBytes;
        foreach (Array section in arrays.Sections)
        {
            int length = checked((int)Buffer.ByteLength(section));
            Span<byte> bytes = Bytes(section, 0, length);
            ReadFully(handle, bytes, offset);
            actual = Checksum64.Compute(bytes, actual);
            offset = Align(offset + length);
        }

        CheckPadding(handle, arrays.Sections, HeaderBytes);
        if (actual != checksum)
        {
            throw Corrupt(layout.Name, $"its checksum is {actual:X16} but the header records {checksum:X16}");
        }

        float[] weights = arrays.OutWeights ?? Ones(layout.M);
        ValidateOffsets(layout, arrays.OutOffsets, "row");
        string? error = CheckArcs(layout, arrays.OutOffsets, arrays.Targets, weights, 0, layout.M, sources: false, out _);
        if (error is not null)
        {
            throw Corrupt(layout.Name, error);
        }

        ValidateGroups(layout, arrays.Groups);
        return GraphBuilder.FromOutCsr(arrays.OutOffsets, arrays.Targets, weights, arrays.Groups, Ids(layout, arrays), layout.HasWeights);
    }

    private static NodeIdMap Ids(Layout layout, Arrays arrays) => layout.IdKind switch
    {
        IdInteger => NodeIdMap.FromIntegers(arrays.IntegerIds!),
        IdString => NodeIdMap.FromStrings(DecodeStrings(layout.Name, arrays.StringOffsets!, arrays.StringBytes!)),
        _ => NodeIdMap.Identity(layout.N),
    };

    /// <summary>The checksum of a version-3 file: the block checksums in order, seeded with the header's.</summary>
    private static ulong Combine(byte[] header, ulong[] digests) =>
        Checksum64.Compute(MemoryMarshal.AsBytes(digests.AsSpan()), Checksum64.Compute(header.AsSpan(0, ChecksumOffset)));

    private static void ReadFully(SafeFileHandle handle, Span<byte> bytes, long offset)
    {
        int done = 0;
        while (done < bytes.Length)
        {
            int got = RandomAccess.Read(handle, bytes[done..], offset + done);
            if (got == 0)
            {
                throw new EndOfStreamException("The graph file ended early (was it truncated while being read?).");
            }

            done += got;
        }
    }

    /// <summary>The padding after each section must be zero (it is not covered by the checksum).</summary>
    private static void CheckPadding(SafeFileHandle handle, List<Array> sections, long start)
    {
        Span<byte> padding = stackalloc byte[8];
        long offset = start;
        foreach (Array section in sections)
        {
            long end = offset + Buffer.ByteLength(section);
            offset = Align(end);
            Span<byte> gap = padding[..(int)(offset - end)];
            if (RandomAccess.Read(handle, gap, end) != gap.Length || gap.ContainsAnyExcept((byte)0))
            {
                throw new InvalidDataException("the padding between its sections is not zero");
            }
        }
    }

    /// <summary>A piece of one section: at most <see cref="BlockBytes"/> bytes at a byte offset of the array and of the file.</summary>
    private readonly record struct Block(int Section, long ArrayOffset, int Length, long FileOffset)
    {
        public Span<byte> Span(List<Array> sections) => Bytes(sections[Section], ArrayOffset, Length);
    }

    /// <summary>The blocks of the sections laid out from <paramref name="start"/>, each section on an 8-byte boundary.</summary>
    private static List<Block> Plan(List<Array> sections, long start)
    {
        var blocks = new List<Block>();
        long offset = start;
        for (int s = 0; s < sections.Count; s++)
        {
            long length = Buffer.ByteLength(sections[s]);
            for (long at = 0; at < length; at += BlockBytes)
            {
                blocks.Add(new Block(s, at, (int)Math.Min(BlockBytes, length - at), offset + at));
            }

            offset = Align(offset + length);
        }

        return blocks;
    }

    private static long End(List<Array> sections, long start)
    {
        long offset = start;
        foreach (Array section in sections)
        {
            offset = Align(offset + Buffer.ByteLength(section));
        }

        return offset;
    }

    /// <summary>Bytes [offset, offset + length) of a primitive array (arrays over 2 GiB included).</summary>
    private static Span<byte> Bytes(Array array, long offset, int length) =>
        MemoryMarshal.CreateSpan(ref Unsafe.AddByteOffset(ref MemoryMarshal.GetArrayDataReference(array), (nint)offset), length);

    /// <summary>Runs <paramref name="action"/>, rethrowing the first exception of a parallel loop as itself.</summary>
    private static void Run(Action action)
    {
        try
        {
            action();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }

    private static float[] Ones(int count)
    {
        var ones = GC.AllocateUninitializedArray<float>(count);
        Array.Fill(ones, 1f);
        return ones;
    }

    /// <summary>
    /// The structure of both orders, in parallel over arc ranges: offsets, index ranges, weights, sorted in-rows, and
    /// the in-CSR as the transpose of the out-CSR (equal arc-multiset hashes). Errors are reported deterministically:
    /// the first failing range in order.
    /// </summary>
    private static void ValidateCsr(Layout layout, int[] outOffsets, int[] targets, float[] outWeights, int[] inOffsets, int[] sources, float[] inWeights, int[]? groups)
    {
        ValidateOffsets(layout, outOffsets, "row");
        ValidateOffsets(layout, inOffsets, "in-row");
        int m = layout.M;
        int ranges = m < (1 << 16) ? 1 : Environment.ProcessorCount * 4;
        var errors = new string?[2 * ranges];
        var sums = new ulong[2 * ranges];
        Run(() => Parallel.For(0, 2 * ranges, r =>
        {
            bool inOrder = r >= ranges;
            int k = inOrder ? r - ranges : r;
            int from = (int)((long)m * k / ranges), to = (int)((long)m * (k + 1) / ranges);
            errors[r] = inOrder
                ? CheckArcs(layout, inOffsets, sources, inWeights, from, to, sources: true, out sums[r])
                : CheckArcs(layout, outOffsets, targets, outWeights, from, to, sources: false, out sums[r]);
        }));
        foreach (string? error in errors)
        {
            if (error is not null)
            {
                throw Corrupt(layout.Name, error);
            }
        }

        ulong outSum = 0, inSum = 0;
        for (int r = 0; r < ranges; r++)
        {
            outSum += sums[r];
            inSum += sums[ranges + r];
        }

        if (outSum != inSum)
        {
            throw Corrupt(layout.Name, "its in-arcs are not the out-arcs reversed (the arc sets differ)");
        }

        ValidateGroups(layout, groups);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ValidateOffsets(Layout layout, int[] offsets, string what)
    {
        int n = layout.N;
        if (offsets[0] != 0 || offsets[n] != layout.M)
        {
            throw Corrupt(layout.Name, $"its {what} offsets do not span the arcs");
        }

        for (int u = 0; u < n; u++)
        {
            if (offsets[u + 1] < offsets[u])
            {
                throw Corrupt(layout.Name, $"its {what} offsets decrease at node {u}");
            }
        }
    }

    private static void ValidateGroups(Layout layout, int[]? groups)
    {
        if (groups is not null && groups.AsSpan().IndexOfAnyInRange(int.MinValue, -1) >= 0)
        {
            throw Corrupt(layout.Name, "a group label is negative");
        }
    }

    /// <summary>
    /// Checks arcs [<paramref name="from"/>, <paramref name="to"/>) of one CSR order (offsets already valid) and sums the
    /// arc hashes. In the out-order the row node is the source and the array holds targets; in the in-order
    /// (<paramref name="sources"/>) the row node is the target, the array holds sources, ascending within a row.
    /// </summary>
    /// <returns>The first problem found, or null.</returns>
    /// <remarks>Called a few times per load, so it is compiled optimised at once instead of running its loop at tier 0.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? CheckArcs(Layout layout, int[] offsets, int[] ends, float[] weights, int from, int to, bool sources, out ulong sum)
    {
        sum = 0;
        if (from >= to)
        {
            return null;
        }

        uint n = (uint)layout.N;
        bool checkWeights = layout.HasWeights;
        // The row holding arc `from`: the last node whose row starts at or before it.
        int lo = 0, hi = layout.N - 1;
        while (lo < hi)
        {
            int mid = (int)(((uint)lo + (uint)hi + 1) >> 1);
            if (offsets[mid] <= from)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        ulong total = 0;
        for (int row = lo, e = from; e < to; row++)
        {
            int rowStart = offsets[row];
            int rowEnd = Math.Min(offsets[row + 1], to);
            for (; e < rowEnd; e++)
            {
                int other = ends[e];
                if ((uint)other >= n)
                {
                    return sources ? $"an arc comes from node {other}, outside [0, {n})" : $"an arc points to node {other}, outside [0, {n})";
                }

                float w = weights[e];
                if (checkWeights && (!float.IsFinite(w) || w < 0))
                {
                    return $"an arc has weight {w}; weights are finite and ≥ 0";
                }

                if (sources && e > rowStart && other < ends[e - 1])
                {
                    return $"the sources of the arcs into node {row} are not ascending";
                }

                total += sources ? ArcHash(other, row, w) : ArcHash(row, other, w);
            }
        }

        sum = total;
        return null;
    }

    /// <summary>A 64-bit mix of one arc (SplitMix64's finaliser over source, target and weight bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ArcHash(int source, int target, float weight)
    {
        ulong x = (((ulong)(uint)source << 32) | (uint)target) ^ ((ulong)BitConverter.SingleToUInt32Bits(weight) * 0x9E3779B97F4A7C15UL);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static string[] DecodeStrings(string name, int[] offsets, byte[] bytes)
    {
        var strings = new string[offsets.Length - 1];
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (int i = 0; i < strings.Length; i++)
        {
            int start = offsets[i], end = offsets[i + 1];
            if (start < 0 || end < start || end > bytes.Length)
            {
                throw Corrupt(name, $"the id offsets are out of order at node {i}");
            }

            try
            {
                strings[i] = utf8.GetString(bytes, start, end - start);
            }
            catch (DecoderFallbackException)
            {
                throw Corrupt(name, $"the id of node {i} is not valid UTF-8");
            }
        }

        return strings;
    }

    private static InvalidDataException Corrupt(string name, string what) =>
        new($"Graph file '{name}' is corrupt: {what}. Convert the edge list again.");

    private static long Align(long bytes) => (bytes + 7) & ~7L;

    private static void CheckEndianness()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Graph files are little-endian; this machine is big-endian.");
        }
    }
}
