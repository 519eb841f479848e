using System.Runtime.InteropServices;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Networks;

/// <summary>The binary graph file: exact round trips, and every kind of damage refused with a clear message.</summary>
public sealed class GraphFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("imgraph-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property RoundTrip_RandomGraphs_AreEqualInEveryArray() =>
        Prop.ForAll(Gen.Choose(0, 40).SelectMany(n => Gen.Choose(0, 200).Select(m => (n, m))).SelectMany(nm => Gen.Choose(0, 1_000_000).Select(s => (nm.n, nm.m, s))).ToArbitrary(), t =>
        {
            var rng = new Random(t.s);
            int n = Math.Max(t.n, 1);
            var edges = Enumerable.Range(0, t.m).Select(_ => new Edge(rng.Next(n), rng.Next(n), (float)rng.NextDouble())).ToList();
            int[]? groups = rng.Next(2) == 0 ? null : Enumerable.Range(0, n).Select(_ => rng.Next(4)).ToArray();
            var graph = SocialGraph.FromEdges(n, edges, groups: groups);
            AssertEqual(graph, RoundTrip(graph));
            AssertEqual(graph, RoundTrip(graph, version: 2));
        });

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property TextEdgeLists_LoadTheSameGraph_FromTheTextAndFromItsGraphFile() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            // Integer ids (some negative or large), string ids, or a mix; weights on some lines or all; undirected or not.
            var rng = new Random(seed);
            int kind = rng.Next(3), pool = 1 + rng.Next(30);
            bool allWeighted = rng.Next(2) == 0, undirected = rng.Next(3) == 0;
            string Id(int i) => kind switch
            {
                0 => (i * 7919L - 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => $"user-{i}-é",
                _ => i % 2 == 0 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"n{i}",
            };
            var text = new StringBuilder("# generated\n");
            for (int line = rng.Next(120); line > 0; line--)
            {
                text.Append(Id(rng.Next(pool))).Append(' ').Append(Id(rng.Next(pool)));
                if (allWeighted || rng.Next(2) == 0)
                {
                    text.Append(' ').Append((rng.Next(1000) / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                text.Append('\n');
            }

            var options = new EdgeListOptions { Undirected = undirected, DefaultWeight = 0.5f };
            var fromText = SocialGraph.LoadEdgeList(new MemoryStream(Encoding.UTF8.GetBytes(text.ToString())), options, EdgeProbabilities.FromWeights);
            var viaFile = RoundTrip(fromText);
            AssertEqual(fromText, viaFile);
            AssertEqual(fromText, RoundTrip(fromText, version: 2));
            for (int i = 0; i < fromText.NodeCount; i++)
            {
                Assert.Equal(i, viaFile.IndexOf(fromText.NodeId(i)));
            }
        });

    [FsCheck.Xunit.Property(MaxTest = 100)]
    public Property RandomDamage_IsAlwaysRefusedWithAMessageNamingTheFile() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).ToArbitrary(), seed =>
        {
            // A bit flip anywhere, a cut at any length, bytes appended, or a run of bytes overwritten: every one is an
            // InvalidDataException naming the file (never another exception, never a graph).
            var rng = new Random(seed);
            int n = 1 + rng.Next(60);
            var edges = Enumerable.Range(0, rng.Next(300)).Select(_ => new Edge(rng.Next(n), rng.Next(n), rng.Next(1000) / 1000f)).ToList();
            var graph = SocialGraph.FromEdges(n, edges, groups: rng.Next(2) == 0 ? null : Enumerable.Range(0, n).Select(_ => rng.Next(3)).ToArray());
            if (rng.Next(2) == 0)
            {
                graph = graph.WithoutWeights();
            }

            string path = Path.Combine(_dir, $"damaged-{seed}.imgraph");
            GraphFile.Save(graph, path, rng.Next(4) == 0 ? 2 : GraphFile.Version);
            byte[] bytes = File.ReadAllBytes(path);
            switch (rng.Next(4))
            {
                case 0:
                    bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                    break;
                case 1:
                    bytes = bytes[..rng.Next(bytes.Length)];
                    break;
                case 2:
                    bytes = [.. bytes, .. Enumerable.Repeat((byte)rng.Next(256), 1 + rng.Next(16))];
                    break;
                default:
                    int at = rng.Next(bytes.Length), length = Math.Min(1 + rng.Next(32), bytes.Length - at);
                    byte[] run = new byte[length];
                    rng.NextBytes(run);
                    if (run.AsSpan().SequenceEqual(bytes.AsSpan(at, length)))
                    {
                        run[0] ^= 1;
                    }

                    run.CopyTo(bytes, at);
                    break;
            }

            File.WriteAllBytes(path, bytes);
            var ex = Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path));
            Assert.Contains($"damaged-{seed}.imgraph", ex.Message);
            File.Delete(path);
        });

    [Fact]
    public void RoundTrip_IntegerAndStringIds_AreKept()
    {
        var ints = SocialGraph.LoadEdgeList(new MemoryStream("100 -7\n-7 9223372036854775807 0.25\n"u8.ToArray()), null);
        var back = RoundTrip(ints);
        AssertEqual(ints, back);
        Assert.Equal(1, back.IndexOf("-7"));

        var strings = SocialGraph.LoadEdgeList(new MemoryStream(Encoding.UTF8.GetBytes("alice bob\nbob zoë 0.5\nzoë 12\n")), null);
        back = RoundTrip(strings);
        AssertEqual(strings, back);
        Assert.Equal(2, back.IndexOf("zoë"));

        var empty = SocialGraph.FromEdges(0, []);
        Assert.Equal(0, RoundTrip(empty).NodeCount);
    }

    [Fact]
    public void RoundTrip_SharedGraph_IsEqual()
    {
        var graph = SocialGraph.LoadEdgeList(SharedData.GraphPath("nethept.txt"));
        AssertEqual(graph, RoundTrip(graph));
    }

    [Fact]
    public void RoundTrip_GraphOfSeveralBlocks_IsEqual_AndAFlipInItsLastBlockIsFound()
    {
        // 200,000 arcs: the targets and sources take several 256 KiB checksum blocks each, read on every core.
        SocialGraph graph = GraphGenerators.RMat(14, 200_000, seed: 3);
        string path = Path.Combine(_dir, "big.imgraph");
        graph.SaveBinary(path);
        var back = SocialGraph.LoadBinary(path);
        AssertEqual(graph, back);
        Assert.Same(back.OutWeightArray, back.InWeightArray); // no weights: one shared array of 1s

        byte[] bytes = File.ReadAllBytes(path);
        bytes[^8] ^= 0x01; // in the last section (the sources), in its last block
        File.WriteAllBytes(path, bytes);
        Assert.Contains("corrupt", Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path)).Message);
    }

    [Fact]
    public void Version2Files_StillLoad_AsTheSameGraph()
    {
        // Written by the previous library (out-CSR only): read, with the in-CSR rebuilt, equal in every array.
        var graph = SocialGraph.LoadEdgeList(SharedData.GraphPath("nethept.txt"));
        AssertEqual(graph, RoundTrip(graph, version: 2));
        var plain = GraphGenerators.RMat(8, 2_000, seed: 5);
        var back = RoundTrip(plain, version: 2);
        AssertEqual(plain, back);
        Assert.Same(back.OutWeightArray, back.InWeightArray);

        string path = Path.Combine(_dir, "v2.imgraph");
        GraphFile.Save(plain, path, 2);
        Assert.Equal(2u, BitConverter.ToUInt32(File.ReadAllBytes(path), 8));
        Assert.Equal("version", Assert.Throws<ArgumentOutOfRangeException>(() => GraphFile.Save(plain, path, 1)).ParamName);
    }

    [Fact]
    public void IsBinaryFile_TellsGraphFilesFromEdgeLists()
    {
        string text = Path.Combine(_dir, "g.txt");
        File.WriteAllText(text, "1 2\n");
        string bin = Path.Combine(_dir, "g.imgraph");
        SocialGraph.LoadEdgeList(text).SaveBinary(bin);
        Assert.True(SocialGraph.IsBinaryFile(bin));
        Assert.False(SocialGraph.IsBinaryFile(text));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(GraphFile.Version)]
    public void EveryFlippedByte_IsRefusedAsCorruptOrTruncated(int version)
    {
        var graph = SocialGraph.LoadEdgeList(new MemoryStream(Encoding.UTF8.GetBytes("a b 0.5\nb c\nc a\nd a\n")), null).WithGroups([0, 1, 1, 2]);
        string path = Path.Combine(_dir, "g.imgraph");
        GraphFile.Save(graph, path, version);
        byte[] good = File.ReadAllBytes(path);
        for (int i = 0; i < good.Length; i++)
        {
            byte[] bad = (byte[])good.Clone();
            bad[i] ^= 0x10;
            File.WriteAllBytes(path, bad);
            var ex = Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path));
            Assert.Contains("g.imgraph", ex.Message);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(-1)]
    public void TruncatedFiles_AreRefused(int keep)
    {
        string path = Path.Combine(_dir, "t.imgraph");
        SocialGraph.FromEdges(50, Enumerable.Range(0, 49).Select(i => new Edge(i, i + 1))).SaveBinary(path);
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(keep >= 0 ? keep : bytes.Length - 1)]);
        var ex = Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path));
        Assert.True(ex.Message.Contains("truncated", StringComparison.Ordinal) || ex.Message.Contains("not an InfluenceModel graph file", StringComparison.Ordinal), ex.Message);
    }

    [Fact]
    public void AnotherVersion_AndNotAGraphFile_AreNamed()
    {
        string path = Path.Combine(_dir, "v.imgraph");
        SocialGraph.FromEdges(2, [new(0, 1)]).SaveBinary(path);
        byte[] bytes = File.ReadAllBytes(path);
        bytes[8] = 4;
        File.WriteAllBytes(path, bytes);
        string newer = Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path)).Message;
        Assert.Contains("version 4", newer);
        Assert.Contains("reads versions 2 and 3", newer);

        // Version 1 stored 1.0 for missing weights: refused, asking for a new conversion (whatever the rest holds).
        bytes[8] = 1;
        File.WriteAllBytes(path, bytes);
        string message = Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path)).Message;
        Assert.Contains("version 1", message);
        Assert.Contains("Convert the edge list again", message);

        File.WriteAllText(path, new string('x', 100));
        Assert.Contains("not an InfluenceModel graph file", Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path)).Message);
    }

    [Fact]
    public void WeightFlag_UnweightedGraphsStoreNoWeights_AndCannotPassThemOffAsProbabilities()
    {
        string weighted = Path.Combine(_dir, "w.imgraph"), plain = Path.Combine(_dir, "p.imgraph");
        var edges = new Edge[] { new(0, 1, 0.5f), new(1, 2, 0.25f), new(2, 0, 1f) };
        SocialGraph.FromEdges(3, edges).SaveBinary(weighted);
        SocialGraph generated = GraphGenerators.RMat(3, 20, seed: 1);
        Assert.False(generated.HasWeights);
        generated.SaveBinary(plain);

        var w = SocialGraph.LoadBinary(weighted);
        Assert.True(w.HasWeights);
        Assert.Equal([0.5f, 0.25f, 1f], w.OutWeightArray);
        Assert.Equal(8u, BitConverter.ToUInt32(File.ReadAllBytes(weighted), 12) & 8); // flag bit 3: weights stored

        var p = SocialGraph.LoadBinary(plain);
        AssertEqual(generated, p);
        Assert.False(p.HasWeights);
        Assert.Equal(0u, BitConverter.ToUInt32(File.ReadAllBytes(plain), 12) & 8);
        // No weight sections: header + for each order offsets (9 ints → 40 bytes) + arcs (4m bytes, aligned), nothing else.
        Assert.Equal(GraphFile.HeaderBytes + (2 * (40 + (((4 * p.EdgeCount) + 7) / 8 * 8))), new FileInfo(plain).Length);
        Assert.Same(p.OutWeightArray, p.InWeightArray);
        Assert.Equal("graph", Assert.Throws<ArgumentException>(() => p.WithEdgeProbabilities(EdgeProbabilities.FromWeights)).ParamName);
        Assert.True(p.WithEdgeProbabilities(EdgeProbabilities.WeightedCascade).HasWeights);
        Assert.False(RoundTrip(p.WithGroups(Enumerable.Repeat(0, p.NodeCount).ToArray())).HasWeights);
    }

    [Theory]
    [InlineData(0, 7, "an arc points to node 7, outside [0, 3)")]
    [InlineData(2, 3, "an arc comes from node 3, outside [0, 3)")]
    [InlineData(2, -1, "an arc comes from node -1, outside [0, 3)")]
    [InlineData(3, 0, "the sources of the arcs into node 2 are not ascending")]
    [InlineData(2, 1, "its in-arcs are not the out-arcs reversed")]
    [InlineData(1, 3, "its in-row offsets decrease at node 1")]
    public void ACraftedVersion3FileWithAValidChecksum_ButABrokenStructure_IsRefused(int word, int value, string expected)
    {
        // Arcs 0→2, 1→2, 2→0 on 3 nodes, no weights, identity ids. Sections (each in one checksum block): out-offsets
        // at 64 (16 bytes), targets at 80 (12 → 16), in-offsets at 96 (16), sources at 112 (12 → 16). `word` picks the
        // int to rewrite: 0 the first target, 1 in-offsets[1], 2 the first source (2→0 becomes value→0), 3 swaps the two
        // sources of node 2.
        string path = Path.Combine(_dir, "c3.imgraph");
        SocialGraph.FromEdges(3, [new(0, 2), new(1, 2), new(2, 0)]).WithoutWeights().SaveBinary(path);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(128, bytes.Length);
        Assert.Equal([2, 2, 0, 2, 0, 1], MemoryMarshal.Cast<byte, int>(bytes.AsSpan(80, 12)).ToArray().Concat(MemoryMarshal.Cast<byte, int>(bytes.AsSpan(112, 12)).ToArray()));
        if (word == 3)
        {
            // Swap the two sources of node 2 (1, 0 instead of 0, 1): the same arcs, out of order.
            BitConverter.TryWriteBytes(bytes.AsSpan(116), 1);
            BitConverter.TryWriteBytes(bytes.AsSpan(120), 0);
        }
        else
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(word switch { 0 => 80, 1 => 100, _ => 112 }), value);
        }

        // The version-3 checksum as documented: each section's block checksum, then the checksum of those, seeded by the header's.
        ulong[] blocks = [.. new (int At, int Length)[] { (64, 16), (80, 12), (96, 16), (112, 12) }.Select(s => InfluenceModel.Internal.Checksum64.Compute(bytes.AsSpan(s.At, s.Length)))];
        ulong sum = InfluenceModel.Internal.Checksum64.Compute(MemoryMarshal.AsBytes(blocks.AsSpan()), InfluenceModel.Internal.Checksum64.Compute(bytes.AsSpan(0, 40)));
        BitConverter.TryWriteBytes(bytes.AsSpan(40), sum);
        File.WriteAllBytes(path, bytes);
        string message = Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path)).Message;
        Assert.Contains(expected, message);
        Assert.DoesNotContain("checksum", message);
    }

    [Fact]
    public void ACraftedFileWithAValidChecksumButAnArcOutOfRange_IsRefused()
    {
        // Version 2: rewrite a target and recompute the chained checksum as a writer would: the structure check must still refuse it.
        string path = Path.Combine(_dir, "c.imgraph");
        GraphFile.Save(SocialGraph.FromEdges(3, [new(0, 1), new(1, 2)]), path, 2);
        byte[] bytes = File.ReadAllBytes(path);
        int targets = GraphFile.HeaderBytes + 16; // after the 4 offsets (16 bytes, already 8-aligned)
        BitConverter.TryWriteBytes(bytes.AsSpan(targets), 7);
        ulong sum = InfluenceModel.Internal.Checksum64.Compute(bytes.AsSpan(0, 40));
        sum = InfluenceModel.Internal.Checksum64.Compute(bytes.AsSpan(64, 16), sum);
        sum = InfluenceModel.Internal.Checksum64.Compute(bytes.AsSpan(80, 8), sum);
        sum = InfluenceModel.Internal.Checksum64.Compute(bytes.AsSpan(88, 8), sum);
        BitConverter.TryWriteBytes(bytes.AsSpan(40), sum);
        File.WriteAllBytes(path, bytes);
        Assert.Contains("outside [0, 3)", Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path)).Message);
    }

    [Fact]
    public void SaveBinary_LeavesNoTemporaryFile_AndReplacesAnOldFile()
    {
        string path = Path.Combine(_dir, "r.imgraph");
        SocialGraph.FromEdges(2, [new(0, 1)]).SaveBinary(path);
        SocialGraph.FromEdges(3, [new(0, 1), new(1, 2)]).SaveBinary(path);
        Assert.Equal(3, SocialGraph.LoadBinary(path).NodeCount);
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void BadArguments_ThrowNamingTheParameter()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => SocialGraph.LoadBinary(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => SocialGraph.FromEdges(1, []).SaveBinary(null!)).ParamName);
        Assert.Throws<FileNotFoundException>(() => SocialGraph.LoadBinary(Path.Combine(_dir, "none.imgraph")));
    }

    private SocialGraph RoundTrip(SocialGraph graph, int version = GraphFile.Version)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.imgraph");
        GraphFile.Save(graph, path, version);
        var back = SocialGraph.LoadBinary(path);
        File.Delete(path);
        return back;
    }

    private static void AssertEqual(SocialGraph expected, SocialGraph actual)
    {
        Assert.Equal(expected.NodeCount, actual.NodeCount);
        Assert.Equal(expected.EdgeCount, actual.EdgeCount);
        Assert.Equal(expected.HasGroups, actual.HasGroups);
        Assert.Equal(expected.HasWeights, actual.HasWeights);
        Assert.Equal(expected.OutOffsetArray, actual.OutOffsetArray);
        Assert.Equal(expected.OutTargetArray, actual.OutTargetArray);
        Assert.Equal(expected.OutWeightArray, actual.OutWeightArray);
        Assert.Equal(expected.InOffsetArray, actual.InOffsetArray);
        Assert.Equal(expected.InSourceArray, actual.InSourceArray);
        Assert.Equal(expected.InWeightArray, actual.InWeightArray);
        Assert.Equal(expected.GroupArray, actual.GroupArray);
        for (int i = 0; i < expected.NodeCount; i++)
        {
            Assert.Equal(expected.NodeId(i), actual.NodeId(i));
        }
    }
}
