using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using InfluenceModel.Internal;
using Microsoft.Win32.SafeHandles;

namespace InfluenceModel.Networks;

/// <summary>
/// The binary graph file (<c>.imgraph</c>): a <see cref="SocialGraph"/>'s out-CSR, weights, group labels and node ids,
/// read back into the graph's arrays without parsing.
/// </summary>
/// <remarks>
/// <para>
/// Layout (little-endian), version 2. A 64-byte header: magic <c>IMGRAPH\0</c> (8 bytes), version (uint32), flags
/// (uint32: bit 0 group labels; bits 1–2 the ids: 0 the indices themselves, 1 64-bit integers, 2 UTF-8 strings; bit 3
/// the arcs have weights), node count n (int64), arc count m (int64), string-id bytes (int64), checksum (uint64), 16
/// reserved zero bytes. Then the sections, each starting on an 8-byte boundary: out-offsets int32[n+1], targets
/// int32[m], weights float32[m] (flag bit 3), groups int32[n] (flag bit 0), ids (int64[n], or int32 offsets[n+1]
/// followed by the UTF-8 bytes).
/// </para>
/// <para>
/// Versions: version 1 always stored a weight per arc, 1.0 where the edge list had none, so a file could not say
/// whether its weights were real; version 2 stores them only when the graph has them
/// (<see cref="SocialGraph.HasWeights"/>) and sets bit 3. A version-1 file is refused with a message asking to convert
/// the edge list again, because its 1.0s cannot be told apart from given weights.
/// </para>
/// <para>
/// The checksum (<see cref="Checksum64"/>) chains the first 40 header bytes and every section, so a flipped bit anywhere
/// is found. After the checksum the structure is still validated (offsets ascending from 0 to m, targets in [0, n),
/// weights finite and ≥ 0, labels ≥ 0), because the diffusion and seeding loops index the arrays without bounds checks.
/// The in-CSR is not stored: it is rebuilt from the out-CSR (a linear scatter), which halves the file and cannot
/// disagree with it.
/// </para>
/// <para>
/// Loading reads each section with one positional read straight into the array the graph keeps (no parsing, no
/// intermediate copy). A memory-mapped view would still have to be copied into those arrays, since the hot loops of
/// the diffusion and seeding code index managed arrays; reading into them costs the same as the copy.
/// </para>
/// </remarks>
internal static class GraphFile
{
    public const int Version = 2;
    public const int HeaderBytes = 64;
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

    public static void Save(SocialGraph graph, string path)
    {
        CheckEndianness();
        int n = graph.NodeCount, m = graph.EdgeCount;
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
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), Version);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (graph.HasGroups ? FlagGroups : 0) | (graph.HasWeights ? FlagWeights : 0) | (idKind << (int)IdShift));
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(16), n);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(24), m);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(32), idBytes);

        var sections = new List<Array> { graph.OutOffsetArray, graph.OutTargetArray };
        if (graph.HasWeights)
        {
            sections.Add(graph.OutWeightArray);
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

        ulong checksum = Checksum64.Compute(header.AsSpan(0, ChecksumOffset));
        foreach (Array section in sections)
        {
            checksum = Checksum64.Compute(AsBytes(section), checksum);
        }

        BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(ChecksumOffset), checksum);

        // Written to a temporary file beside the target and renamed, so a failure never leaves a half-written graph.
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (SafeFileHandle handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write))
            {
                long offset = 0;
                RandomAccess.Write(handle, header, offset);
                offset += HeaderBytes;
                foreach (Array section in sections)
                {
                    ReadOnlySpan<byte> bytes = AsBytes(section);
                    RandomAccess.Write(handle, bytes, offset);
                    offset = Align(offset + bytes.Length);
                }

                RandomAccess.SetLength(handle, offset);
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
        Span<byte> header = stackalloc byte[HeaderBytes];
        if (length < HeaderBytes || RandomAccess.Read(handle, header, 0) < HeaderBytes)
        {
            throw new InvalidDataException(length >= 8 && HasMagic(path)
                ? $"Graph file '{name}' is truncated: {length} bytes, shorter than its {HeaderBytes}-byte header."
                : $"'{name}' is not an InfluenceModel graph file ({length} bytes; a graph file starts with a {HeaderBytes}-byte header).");
        }

        if (!header[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{name}' is not an InfluenceModel graph file (it does not start with the magic bytes IMGRAPH).");
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        if (version == 1)
        {
            throw new InvalidDataException($"Graph file '{name}' has format version 1, which stored 1.0 for missing weights and so cannot say whether its arcs have weights; this library reads version {Version}. Convert the edge list again with this version.");
        }

        if (version != Version)
        {
            throw new InvalidDataException($"Graph file '{name}' has format version {version}; this library reads version {Version}. Convert the edge list again with this version.");
        }

        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        long n = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        long m = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        long idBytes = BinaryPrimitives.ReadInt64LittleEndian(header[32..]);
        ulong checksum = BinaryPrimitives.ReadUInt64LittleEndian(header[ChecksumOffset..]);
        uint idKind = (flags & IdMask) >> (int)IdShift;
        bool hasGroups = (flags & FlagGroups) != 0;
        bool hasWeights = (flags & FlagWeights) != 0;
        if ((flags & ~(FlagGroups | FlagWeights | IdMask)) != 0 || idKind > IdString || header[48..].ContainsAnyExcept((byte)0)
            || n < 0 || n >= Array.MaxLength || m < 0 || m > Array.MaxLength || idBytes < 0 || idBytes > int.MaxValue
            || (idKind != IdString && idBytes != 0))
        {
            throw Corrupt(name, "its header is invalid");
        }

        long expected = HeaderBytes + Align(4 * (n + 1)) + Align(4 * m) + (hasWeights ? Align(4 * m) : 0) + (hasGroups ? Align(4 * n) : 0)
            + idKind switch { IdInteger => Align(8 * n), IdString => Align(4 * (n + 1)) + Align(idBytes), _ => 0 };
        if (length != expected)
        {
            throw new InvalidDataException(length < expected
                ? $"Graph file '{name}' is truncated: {length:N0} bytes, but its header ({n:N0} nodes, {m:N0} arcs) needs {expected:N0}."
                : $"Graph file '{name}' is corrupt: {length:N0} bytes, but its header ({n:N0} nodes, {m:N0} arcs) describes {expected:N0}.");
        }

        ulong actual = Checksum64.Compute(header[..ChecksumOffset]);
        long offset = HeaderBytes;
        try
        {
            return ReadBody(handle, name, flags, (int)n, (int)m, (int)idBytes, checksum, ref offset, ref actual);
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

    private static SocialGraph ReadBody(SafeFileHandle handle, string name, uint flags, int n, int m, int idBytes, ulong checksum, ref long offset, ref ulong actual)
    {
        uint idKind = (flags & IdMask) >> (int)IdShift;
        bool hasGroups = (flags & FlagGroups) != 0;
        int[] outOffsets = ReadSection<int>(handle, n + 1, ref offset, ref actual);
        int[] targets = ReadSection<int>(handle, m, ref offset, ref actual);
        bool hasWeights = (flags & FlagWeights) != 0;
        float[] weights = hasWeights ? ReadSection<float>(handle, m, ref offset, ref actual) : Ones(m);
        int[]? groups = hasGroups ? ReadSection<int>(handle, n, ref offset, ref actual) : null;
        long[]? integerIds = idKind == IdInteger ? ReadSection<long>(handle, n, ref offset, ref actual) : null;
        int[]? stringOffsets = idKind == IdString ? ReadSection<int>(handle, n + 1, ref offset, ref actual) : null;
        byte[]? stringBytes = idKind == IdString ? ReadSection<byte>(handle, idBytes, ref offset, ref actual) : null;
        if (actual != checksum)
        {
            throw Corrupt(name, $"its checksum is {actual:X16} but the header records {checksum:X16}");
        }

        Validate(name, n, outOffsets, targets, weights, groups);
        NodeIdMap ids = idKind switch
        {
            IdInteger => NodeIdMap.FromIntegers(integerIds!),
            IdString => NodeIdMap.FromStrings(DecodeStrings(name, stringOffsets!, stringBytes!)),
            _ => NodeIdMap.Identity(n),
        };
        return GraphBuilder.FromOutCsr(outOffsets, targets, weights, groups, ids, hasWeights);
    }

    private static float[] Ones(int count)
    {
        var ones = GC.AllocateUninitializedArray<float>(count);
        Array.Fill(ones, 1f);
        return ones;
    }

    private static TSection[] ReadSection<TSection>(SafeFileHandle handle, int count, ref long offset, ref ulong checksum)
        where TSection : unmanaged
    {
        TSection[] array = GC.AllocateUninitializedArray<TSection>(count);
        Span<byte> bytes = MemoryMarshal.AsBytes(array.AsSpan());
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

        checksum = Checksum64.Compute(bytes, checksum);
        long end = offset + bytes.Length;
        offset = Align(end);
        Span<byte> padding = stackalloc byte[8];
        padding = padding[..(int)(offset - end)];
        if (RandomAccess.Read(handle, padding, end) != padding.Length || padding.ContainsAnyExcept((byte)0))
        {
            throw new InvalidDataException("the padding between its sections is not zero");
        }

        return array;
    }

    private static void Validate(string name, int n, int[] offsets, int[] targets, float[] weights, int[]? groups)
    {
        if (offsets[0] != 0 || offsets[n] != targets.Length)
        {
            throw Corrupt(name, "its row offsets do not span the arcs");
        }

        for (int u = 0; u < n; u++)
        {
            if (offsets[u + 1] < offsets[u])
            {
                throw Corrupt(name, $"its row offsets decrease at node {u}");
            }
        }

        foreach (int v in targets)
        {
            if ((uint)v >= (uint)n)
            {
                throw Corrupt(name, $"an arc points to node {v}, outside [0, {n})");
            }
        }

        foreach (float w in weights)
        {
            if (!float.IsFinite(w) || w < 0)
            {
                throw Corrupt(name, $"an arc has weight {w}; weights are finite and ≥ 0");
            }
        }

        if (groups is not null && groups.AsSpan().IndexOfAnyInRange(int.MinValue, -1) >= 0)
        {
            throw Corrupt(name, "a group label is negative");
        }
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

    private static ReadOnlySpan<byte> AsBytes(Array array) => array switch
    {
        int[] ints => MemoryMarshal.AsBytes(ints.AsSpan()),
        float[] floats => MemoryMarshal.AsBytes(floats.AsSpan()),
        long[] longs => MemoryMarshal.AsBytes(longs.AsSpan()),
        byte[] bytes => bytes,
        _ => throw new InvalidOperationException("Unexpected section type " + array.GetType()),
    };

    private static void CheckEndianness()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Graph files are little-endian; this machine is big-endian.");
        }
    }
}
