using System.Globalization;
using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Networks;

/// <summary>
/// The edge-list reader: the parallel byte parser gives exactly the graph of a plain sequential line reader (same node
/// order, arcs and weights), and damaged input is refused with a clear message (issue 13).
/// </summary>
public sealed class EdgeListReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgelist-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // ---- Equivalence with a sequential reference reader ----

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property RandomTexts_ReadAsTheReferenceReaderReadsThem() =>
        Prop.ForAll(Gen.ListOf(LineGen()).Select(lines => string.Concat(lines)).ToArbitrary(), text =>
        {
            var expected = Reference(text);
            if (expected is null)
            {
                Assert.Throws<FormatException>(() => Load(Encoding.UTF8.GetBytes(text), seekable: true));
            }
            else
            {
                AssertSame(expected, Load(Encoding.UTF8.GetBytes(text), seekable: true));
                AssertSame(expected, Load(Encoding.UTF8.GetBytes(text), seekable: false));
            }
        });

    [Fact]
    public void LargeText_ManyBlocksAndParts_IsReadAsTheReferenceReadsIt_FromAStreamOfUnknownLength()
    {
        // Several MiB through a non-seekable stream: blocks of 64 KiB, 256 KiB, 1 MiB, 4 MiB, each split across cores.
        string text = RandomEdgeList(seed: 3, lines: 400_000, stringIdAtLine: -1);
        AssertSame(Reference(text), Load(Encoding.UTF8.GetBytes(text), seekable: false));
        AssertSame(Reference(text), Load(Encoding.UTF8.GetBytes(text), seekable: true));
    }

    [Fact]
    public void LargeText_AStringIdLateInTheFile_SwitchesToStringIdsWithTheSameNodeOrder()
    {
        string text = RandomEdgeList(seed: 5, lines: 300_000, stringIdAtLine: 250_000);
        var expected = Reference(text);
        var actual = Load(Encoding.UTF8.GetBytes(text), seekable: false);
        AssertSame(expected, actual);
        Assert.Equal("alice", actual.NodeId(actual.IndexOf("alice")));
    }

    [Fact]
    public void CrLfAndLoneCr_LineEndings_CountLinesLikeReadLine()
    {
        var ex = Assert.Throws<FormatException>(() => Load("1 2\r\n3 4\r5 6\r\n7\r\n"u8.ToArray(), seekable: true));
        Assert.Contains("line 4:", ex.Message);
        Assert.Equal(6, Load("1 2\r\n3 4\r5 6\r\n"u8.ToArray(), seekable: true).NodeCount);
    }

    [Fact]
    public void Utf8ByteOrderMark_IsSkipped_AndUtf16IsRefused()
    {
        Assert.Equal(2, Load([0xEF, 0xBB, 0xBF, .. "1 2\n"u8], seekable: true).NodeCount);
        var ex = Assert.Throws<FormatException>(() => Load([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("1 2\n")], seekable: true));
        Assert.Contains("UTF-16", ex.Message);
    }

    // ---- gzip integrity ----

    [Fact]
    public void Gzip_Intact_LoadsAsThePlainText()
    {
        string text = RandomEdgeList(seed: 1, lines: 5_000, stringIdAtLine: -1);
        string gz = WriteGzip("g.txt.gz", text);
        AssertSame(Reference(text), EdgeListReader.ReadFile(gz, EdgeListOptions.Default));
    }

    [Theory]
    [InlineData("half")]
    [InlineData("no-trailer")]
    [InlineData("no-size")]
    [InlineData("one-byte-short")]
    public void Gzip_Truncated_IsRefusedNamingTheFile(string cut)
    {
        string gz = WriteGzip("cut.txt.gz", RandomEdgeList(seed: 2, lines: 20_000, stringIdAtLine: -1));
        byte[] bytes = File.ReadAllBytes(gz);
        int keep = cut switch { "half" => bytes.Length / 2, "no-trailer" => bytes.Length - 8, "no-size" => bytes.Length - 4, _ => bytes.Length - 1 };
        File.WriteAllBytes(gz, bytes[..keep]);
        var ex = Assert.Throws<InvalidDataException>(() => SocialGraph.LoadEdgeList(gz));
        Assert.Contains("cut.txt.gz", ex.Message);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Gzip_WrongCrcInTheTrailer_IsRefused()
    {
        string gz = WriteGzip("crc.txt.gz", "1 2\n2 3\n");
        byte[] bytes = File.ReadAllBytes(gz);
        bytes[^8] ^= 0x55;
        File.WriteAllBytes(gz, bytes);
        var ex = Assert.Throws<InvalidDataException>(() => SocialGraph.LoadEdgeList(gz));
        Assert.Contains("crc.txt.gz", ex.Message);
    }

    [Fact]
    public void Gzip_CorruptDeflateData_IsRefusedNamingTheFile()
    {
        string gz = WriteGzip("bad.txt.gz", RandomEdgeList(seed: 4, lines: 20_000, stringIdAtLine: -1));
        byte[] bytes = File.ReadAllBytes(gz);
        for (int i = 40; i < 80; i++)
        {
            bytes[i] = 0xFF;
        }

        File.WriteAllBytes(gz, bytes);
        var ex = Assert.Throws<InvalidDataException>(() => SocialGraph.LoadEdgeList(gz));
        Assert.Contains("bad.txt.gz", ex.Message);
    }

    [Fact]
    public void Gzip_EmptyFile_AndNotGzipData_AreRefused()
    {
        string empty = Path.Combine(_dir, "empty.txt.gz");
        File.WriteAllBytes(empty, []);
        Assert.Contains("empty", Assert.Throws<InvalidDataException>(() => SocialGraph.LoadEdgeList(empty)).Message);

        string plain = Path.Combine(_dir, "plain.txt.gz");
        File.WriteAllText(plain, "1 2\n2 3\n3 4\n4 5\n5 6\n");
        Assert.Contains("not gzip", Assert.Throws<InvalidDataException>(() => SocialGraph.LoadEdgeList(plain)).Message);
    }

    [Fact]
    public void Gzip_EmptyContent_IsAnEmptyGraph()
    {
        // What `gzip -c /dev/null` writes (.NET's GZipStream writes nothing at all for empty content).
        string path = Path.Combine(_dir, "none.txt.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal(0, SocialGraph.LoadEdgeList(path).NodeCount);
    }

    // ---- control bytes, line length, memory ----

    [Theory]
    [InlineData("1 2\n2 3\n3\u00004\n", 3, 2)]
    [InlineData("1 2\n\u0000\n", 2, 1)]
    [InlineData("1 2\n# a comment with NUL \u0000\n", 2, 22)]
    [InlineData("1 2 0.5\u0007\n", 1, 8)]
    public void ControlBytes_AreRefusedWithLineAndColumn(string text, int line, int column)
    {
        var ex = Assert.Throws<FormatException>(() => Load(Encoding.UTF8.GetBytes(text), seekable: true));
        Assert.Contains($"line {line}:", ex.Message);
        Assert.Contains($"column {column}", ex.Message);
        Assert.DoesNotContain('\0', ex.Message);
    }

    [Fact]
    public void TerminalEscapes_AreEscapedWhenTheLineIsEchoed()
    {
        string path = Path.Combine(_dir, "evil\u001b]0;owned\u0007.txt");
        File.WriteAllText(path, "1 2\n\u001b]0;pwned\u0007\u001b[2J x\n");
        var ex = Assert.Throws<FormatException>(() => SocialGraph.LoadEdgeList(path));
        Assert.Contains("line 2:", ex.Message);
        Assert.DoesNotContain('\u001b', ex.Message);
        Assert.DoesNotContain('\u0007', ex.Message);
        Assert.Contains("\\x1B]0;pwned\\x07\\x1B[2J", ex.Message);
        Assert.Contains("evil\\x1B]0;owned\\x07.txt", ex.Message);
    }

    [Fact]
    public void BidiOverrides_AreEscapedWhenEchoed()
    {
        var ex = Assert.Throws<FormatException>(() => Load(Encoding.UTF8.GetBytes("a\u202Eb c d e\n"), seekable: true));
        Assert.Contains("\\u202E", ex.Message);
        Assert.DoesNotContain('\u202E', ex.Message);
    }

    [Fact]
    public void ALineOverOneMebibyte_IsRefusedBeforeItIsBufferedWhole()
    {
        byte[] text = [.. "1 2\n"u8, .. Enumerable.Repeat((byte)'7', EdgeListReader.MaxLineBytes + 10), .. " 1\n"u8];
        var ex = Assert.Throws<FormatException>(() => Load(text, seekable: false));
        Assert.Contains("line 2 is longer than", ex.Message);
    }

    [Fact]
    public void DevZero_IsRefusedAsABinaryFile_NotAnAbort()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "/dev/zero exists only on Unix.");
        var ex = Assert.Throws<FormatException>(() => SocialGraph.LoadEdgeList("/dev/zero"));
        Assert.Contains("line 1", ex.Message);
        Assert.Contains("0x00", ex.Message);
    }

    [Fact]
    public void AGraphThatWouldNotFitInMemory_IsRefusedWithTheEstimate()
    {
        byte[] text = Encoding.ASCII.GetBytes(RandomEdgeList(seed: 6, lines: 300_000, stringIdAtLine: -1));
        var ex = Assert.Throws<InvalidDataException>(() => EdgeListReader.Read(new MemoryStream(text), EdgeListOptions.Default, memoryLimit: 20_000_000));
        Assert.Contains("too large", ex.Message);
        Assert.Contains("20 MB are available", ex.Message);
        Assert.InRange(EdgeListReader.Read(new MemoryStream(text), EdgeListOptions.Default, memoryLimit: 200_000_000).EdgeCount, 290_000, 300_000);
    }

    // ---- helpers ----

    private static SocialGraph Load(byte[] bytes, bool seekable) =>
        EdgeListReader.Read(seekable ? new MemoryStream(bytes) : new ForwardOnlyStream(bytes), EdgeListOptions.Default);

    private string WriteGzip(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        using (var file = File.Create(path))
        using (var zip = new GZipStream(file, CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }

    private static Gen<string> LineGen()
    {
        Gen<string> id = Gen.OneOf(Gen.Choose(0, 30).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            Gen.Elements("-3", "007", "x", "bob", "0", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "é"));
        Gen<string> sep = Gen.Elements(" ", "\t", "  ", " \t");
        Gen<string> end = Gen.Elements("\n", "\r\n", "\r", "\n\n");
        Gen<string> weight = Gen.Elements("", " 0.5", " 1e-3", " 2", "\t0");
        Gen<string> edge = from u in id from s in sep from v in id from w in weight from e in end select u + s + v + w + e;
        return Gen.Frequency((8, edge), (1, Gen.Elements("# comment\n", "% c\n", "\n", "   \n")));
    }

    private static string RandomEdgeList(int seed, int lines, int stringIdAtLine)
    {
        var rng = new Random(seed);
        var sb = new StringBuilder(lines * 14);
        sb.Append("# generated\n");
        for (int i = 0; i < lines; i++)
        {
            string u = i == stringIdAtLine ? "alice" : rng.Next(0, 50_000).ToString(CultureInfo.InvariantCulture);
            sb.Append(u).Append('\t').Append(rng.Next(0, 50_000));
            if (i % 3 == 0)
            {
                sb.Append(' ').Append((rng.Next(1, 100) / 100.0).ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(i % 7 == 0 ? "\r\n" : "\n");
        }

        return sb.ToString();
    }

    /// <summary>The graph a plain sequential reader builds: ids by first appearance, arcs in file order.</summary>
    private static (List<string> Ids, List<Edge> Arcs)? Reference(string text)
    {
        var ids = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var arcs = new List<Edge>();
        using var reader = new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text);
        while (reader.ReadLine() is { } line)
        {
            string[] tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0 || tokens[0][0] is '#' or '%')
            {
                continue;
            }

            if (tokens.Length is < 2 or > 3)
            {
                return null;
            }

            float w = 1f;
            if (tokens.Length == 3 && (!float.TryParse(tokens[2], NumberStyles.Float, CultureInfo.InvariantCulture, out w) || !float.IsFinite(w) || w < 0))
            {
                return null;
            }

            arcs.Add(new Edge(Id(tokens[0]), Id(tokens[1]), w));
        }

        return (ids, arcs);

        int Id(string token)
        {
            if (!index.TryGetValue(token, out int i))
            {
                i = ids.Count;
                index.Add(token, i);
                ids.Add(token);
            }

            return i;
        }
    }

    private static void AssertSame((List<string> Ids, List<Edge> Arcs)? expected, SocialGraph actual)
    {
        Assert.True(expected is not null, "the reference reader rejects this text but the graph was read");
        var (ids, arcs) = expected!.Value;
        var want = SocialGraph.FromEdges(ids.Count, arcs);
        Assert.Equal(want.NodeCount, actual.NodeCount);
        Assert.Equal(want.EdgeCount, actual.EdgeCount);
        for (int i = 0; i < ids.Count; i++)
        {
            Assert.Equal(ids[i], actual.NodeId(i));
            Assert.Equal(want.OutNeighbors(i).ToArray(), actual.OutNeighbors(i).ToArray());
            Assert.Equal(want.OutWeights(i).ToArray(), actual.OutWeights(i).ToArray());
        }
    }

    /// <summary>A stream that cannot seek or tell its length, like a pipe.</summary>
    private sealed class ForwardOnlyStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, data.Length - _position), 50_000);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
