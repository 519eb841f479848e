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
    public void IsBinaryFile_TellsGraphFilesFromEdgeLists()
    {
        string text = Path.Combine(_dir, "g.txt");
        File.WriteAllText(text, "1 2\n");
        string bin = Path.Combine(_dir, "g.imgraph");
        SocialGraph.LoadEdgeList(text).SaveBinary(bin);
        Assert.True(SocialGraph.IsBinaryFile(bin));
        Assert.False(SocialGraph.IsBinaryFile(text));
    }

    [Fact]
    public void EveryFlippedByte_IsRefusedAsCorruptOrTruncated()
    {
        var graph = SocialGraph.LoadEdgeList(new MemoryStream(Encoding.UTF8.GetBytes("a b 0.5\nb c\nc a\nd a\n")), null).WithGroups([0, 1, 1, 2]);
        string path = Path.Combine(_dir, "g.imgraph");
        graph.SaveBinary(path);
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
        bytes[8] = 3;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("version 3", Assert.Throws<InvalidDataException>(() => SocialGraph.LoadBinary(path)).Message);

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
        // No weight section: header + offsets (9 ints → 40 bytes) + targets (4m bytes, aligned) and nothing else.
        Assert.Equal(GraphFile.HeaderBytes + 40 + ((4 * p.EdgeCount) + 7) / 8 * 8, new FileInfo(plain).Length);
        Assert.Equal("graph", Assert.Throws<ArgumentException>(() => p.WithEdgeProbabilities(EdgeProbabilities.FromWeights)).ParamName);
        Assert.True(p.WithEdgeProbabilities(EdgeProbabilities.WeightedCascade).HasWeights);
        Assert.False(RoundTrip(p.WithGroups(Enumerable.Repeat(0, p.NodeCount).ToArray())).HasWeights);
    }

    [Fact]
    public void ACraftedFileWithAValidChecksumButAnArcOutOfRange_IsRefused()
    {
        // Rewrite a target and recompute the checksum as a writer would: the structure check must still refuse it.
        string path = Path.Combine(_dir, "c.imgraph");
        SocialGraph.FromEdges(3, [new(0, 1), new(1, 2)]).SaveBinary(path);
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

    private SocialGraph RoundTrip(SocialGraph graph)
    {
        string path = Path.Combine(_dir, $"{Guid.NewGuid():N}.imgraph");
        graph.SaveBinary(path);
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
