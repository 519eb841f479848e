using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>
/// Parses whitespace-separated edge lists (<c>u v [w]</c>, <c>#</c>/<c>%</c> comments) into a <see cref="SocialGraph"/>.
/// </summary>
/// <remarks>
/// <para>
/// The text is read in blocks of up to 16 MiB; each block is split at line breaks into one part per core and the parts
/// are parsed in parallel straight from the UTF-8 bytes (no per-line strings) into integer ids and weights. The parts
/// are then relabelled in file order, so the dense node order (first appearance) is the same as a sequential reader's.
/// A line the fast parser does not accept (a non-integer id, non-ASCII text, a control byte, a malformed line) switches
/// the rest of the file to the sequential character reader, which decides and reports it exactly as before.
/// </para>
/// <para>
/// Integrity (issue 13): a <c>.gz</c> file must have the gzip magic and its trailer (CRC-32 and length of the data) must
/// match what was decompressed, so a truncated or corrupt file is refused instead of read as a smaller graph; control
/// bytes (NUL, ESC, BEL, …) are refused with the line and column, and are escaped wherever a line is echoed; a line over
/// <see cref="MaxLineBytes"/> is refused before it is buffered further; and the memory the graph will need is estimated
/// from the text read so far (and the file size) and checked against the memory available to the process.
/// </para>
/// </remarks>
internal static class EdgeListReader
{
    /// <summary>The longest line accepted, in bytes (1 MiB): an edge list line is a few dozen bytes.</summary>
    public const int MaxLineBytes = 1 << 20;

    private const int MaxBlockBytes = 16 << 20;
    private const int MinBlockBytes = 1 << 16;
    private const int MinPartBytes = 1 << 18;

    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);

    /// <summary>Printable ASCII, tab, vertical tab and form feed: what a comment line may hold on the fast path.</summary>
    private static readonly SearchValues<byte> Printable = SearchValues.Create(
        "\t\v\f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"u8);

    /// <summary>Reads the file at <paramref name="path"/>; a name ending in <c>.gz</c> is decompressed and verified.</summary>
    public static SocialGraph ReadFile(string path, EdgeListOptions options)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long length = file.CanSeek ? file.Length : -1;
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return new Parser(file, options, path, length > 0 ? length : -1, null).Run();
        }

        var trailer = GzipTrailer.Read(file, path, length);
        using var gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        return new Parser(gzip, options, path, trailer.Size, trailer).Run();
    }

    /// <summary>Reads an edge list from a stream of UTF-8 text (not compressed), left open.</summary>
    public static SocialGraph Read(Stream stream, EdgeListOptions options) => Read(stream, options, -1);

    /// <summary>As <see cref="Read(Stream, EdgeListOptions)"/>; <paramref name="memoryLimit"/> &gt; 0 replaces the memory available (tests).</summary>
    internal static SocialGraph Read(Stream stream, EdgeListOptions options, long memoryLimit) =>
        new Parser(stream, options, null, stream.CanSeek ? stream.Length - stream.Position : -1, null)
        {
            MemoryLimit = memoryLimit > 0 ? memoryLimit : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        }.Run();

    /// <summary>Untrusted text for a message: see <see cref="Internal.Printable.Escape"/> (cut at 200 characters).</summary>
    public static string Escape(ReadOnlySpan<char> text) => Internal.Printable.Escape(text, 200);

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or 0x0B or 0x0C;

    /// <summary>Whether <paramref name="c"/> is a control character other than tab, vertical tab and form feed.</summary>
    private static bool IsForbiddenControl(char c) => char.IsControl(c) && c is not ('\t' or '\v' or '\f' or '\r' or '\n');

    /// <summary>A slice of a block parsed by the fast path: integer ids (two per arc) and weights.</summary>
    private sealed class Part
    {
        public long[] Ids = new long[256];
        public float[] Weights = new float[128];
        public int Arcs;
        public int Lines;
        public int Start;
        public int End;

        /// <summary>The offset of the first line the fast path did not accept, or −1 when the whole part was parsed.</summary>
        public int StoppedAt;

        public void Reset(int start, int end, int expectedLines)
        {
            Start = start;
            End = end;
            Arcs = 0;
            Lines = 0;
            StoppedAt = -1;
            if (Weights.Length < expectedLines)
            {
                Weights = new float[expectedLines];
                Ids = new long[2L * expectedLines];
            }
        }

        public void Add(long u, long v, float w)
        {
            if (Arcs == Weights.Length)
            {
                Array.Resize(ref Weights, Arcs * 2);
                Array.Resize(ref Ids, Arcs * 4);
            }

            Ids[2 * Arcs] = u;
            Ids[(2 * Arcs) + 1] = v;
            Weights[Arcs] = w;
            Arcs++;
        }
    }

    private sealed class Parser(Stream stream, EdgeListOptions options, string? name, long lengthHint, GzipTrailer? trailer)
    {
        private readonly IdRelabeler _ids = new();
        private readonly EdgeBuffer _edges = new(lengthHint > 0 ? (int)Math.Min(lengthHint / 9, 1 << 22) : 1024);
        private Part[] _parts = [];
        private bool _slow;
        private long _lineBase;
        private long _bytesParsed;
        private long _bytesRead;
        private uint _crc = ~0u;
        private char[] _chars = new char[256];

        /// <summary>The bytes the process may use (the GC's view, which honours container limits).</summary>
        public long MemoryLimit { get; init; } = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

        public SocialGraph Run()
        {
            int initial = lengthHint > 0 ? (int)Math.Clamp(lengthHint + 1, MinBlockBytes, MaxBlockBytes) : MinBlockBytes;
            byte[] buffer = GC.AllocateUninitializedArray<byte>(initial);
            int filled = 0;
            bool eof = false, first = true;
            int start = 0;
            while (true)
            {
                while (!eof && filled < buffer.Length)
                {
                    int got = Fill(buffer.AsSpan(filled));
                    eof = got == 0;
                    filled += got;
                }

                if (first)
                {
                    first = false;
                    start = SkipByteOrderMark(buffer.AsSpan(0, filled));
                }

                int end = eof ? filled : LastBreakEnd(buffer, start, filled);
                if (end < 0)
                {
                    if (filled - start > MaxLineBytes)
                    {
                        throw LineTooLong(buffer.AsSpan(start, filled - start));
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                    continue;
                }

                ParseRange(buffer, start, end);
                _bytesParsed += end - start;
                start = 0;
                int carry = filled - end;
                if (eof)
                {
                    break;
                }

                if (carry > MaxLineBytes)
                {
                    throw LineTooLong(buffer.AsSpan(end, carry));
                }

                CheckMemory();
                if (buffer.Length < MaxBlockBytes)
                {
                    byte[] bigger = GC.AllocateUninitializedArray<byte>(Math.Min(buffer.Length * 4, MaxBlockBytes));
                    Buffer.BlockCopy(buffer, end, bigger, 0, carry);
                    buffer = bigger;
                }
                else
                {
                    Buffer.BlockCopy(buffer, end, buffer, 0, carry);
                }

                filled = carry;
            }

            VerifyTrailer();
            CheckMemory();
            return GraphBuilder.Build(_ids.Count, _edges, options, null, _ids.ToMap());
        }

        private int Fill(Span<byte> destination)
        {
            int got;
            try
            {
                got = stream.Read(destination);
            }
            catch (InvalidDataException ex) when (trailer is not null)
            {
                throw trailer.Corrupt(ex);
            }

            if (trailer is not null)
            {
                _crc = Crc32.Append(_crc, destination[..got]);
            }

            _bytesRead += got;
            return got;
        }

        private void VerifyTrailer()
        {
            if (trailer is not null && (~_crc != trailer.Crc || (uint)_bytesRead != trailer.Size))
            {
                throw trailer.Mismatch(~_crc, _bytesRead);
            }
        }

        /// <summary>
        /// Before reporting a bad line of a gzip file, reads the rest: a truncated file's last line is usually cut, and
        /// the truthful message is then the truncation, not the line.
        /// </summary>
        private Exception Fail(Exception lineError)
        {
            if (trailer is null)
            {
                return lineError;
            }

            byte[] scratch = ArrayPool<byte>.Shared.Rent(1 << 16);
            try
            {
                while (Fill(scratch) > 0)
                {
                }

                VerifyTrailer();
            }
            catch (InvalidDataException ex)
            {
                return ex;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }

            return lineError;
        }

        private void CheckMemory()
        {
            // Bytes per arc while building: the arc buffer (12), the sort keys of a row (8) and the two CSR orders (16,
            // doubled when every line becomes two arcs); about 24 bytes per node for the id maps.
            long perArc = 20 + (options.Undirected ? 32 : 16);
            double arcsPerByte = _bytesParsed > 0 ? (double)_edges.Count / _bytesParsed : 0;
            long expectedArcs = lengthHint > _bytesParsed ? (long)(arcsPerByte * lengthHint) : _edges.Count;
            expectedArcs = Math.Max(expectedArcs, _edges.Count);
            long need = (expectedArcs * perArc) + (24L * _ids.Count) + MaxBlockBytes;
            if (need > MemoryLimit || expectedArcs > Array.MaxLength)
            {
                string what = lengthHint > 0 ? $"its {lengthHint / 1e6:F0} MB of text hold about {expectedArcs:N0} arcs"
                    : $"after {_bytesRead / 1e6:F0} MB of text it already has {expectedArcs:N0} arcs";
                throw new InvalidDataException(
                    $"Edge list{Named} is too large to load: {what}, which need ≈ {Size(need)}, and {Size(MemoryLimit)} are available "
                    + $"(at most {Array.MaxLength:N0} arcs). Use a machine with more memory, or a smaller graph.");
            }
        }

        private static string Size(long bytes) => bytes >= 1e9
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:F1} GB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F0} MB");

        private string Named => name is null ? "" : $" '{Escape(name)}'";

        private FormatException LineError(long line, string reason, ReadOnlySpan<char> text) =>
            new($"Edge list{Named} line {line}: {reason}; found '{Escape(text)}'.");

        private Exception LineTooLong(ReadOnlySpan<byte> line)
        {
            long number = _lineBase + 1;
            int control = line[..Math.Min(line.Length, 4096)].IndexOfAnyInRange((byte)0, (byte)0x08);
            if (control >= 0)
            {
                return Fail(new FormatException(
                    $"Edge list{Named} line {number}: control byte 0x{line[control]:X2} at column {control + 1} (is this a binary file?)."));
            }

            return Fail(new FormatException(
                $"Edge list{Named} line {number} is longer than {MaxLineBytes:N0} bytes (is this a text edge list? a line is 'u v' or 'u v w')."));
        }

        private static int SkipByteOrderMark(ReadOnlySpan<byte> data)
        {
            if (data.StartsWith("\uFEFF"u8))
            {
                return 3;
            }

            if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                throw new FormatException("The edge list is UTF-16 text; save it as UTF-8 (or ASCII).");
            }

            return 0;
        }

        /// <summary>The offset just after the last line break of [start, filled), or −1 when there is none.</summary>
        private static int LastBreakEnd(byte[] buffer, int start, int filled)
        {
            int at = buffer.AsSpan(start, filled - start).LastIndexOfAny(LineBreaks);
            if (at < 0)
            {
                return -1;
            }

            at += start;
            if (buffer[at] == '\r' && at == filled - 1)
            {
                // A CR at the very end may be the first half of CRLF: keep it for the next block.
                int before = buffer.AsSpan(start, at - start).LastIndexOfAny(LineBreaks);
                return before < 0 ? -1 : start + before + 1;
            }

            return at + 1;
        }

        /// <summary>The offset after the line break that ends the line containing <paramref name="from"/>.</summary>
        private static int NextLineStart(byte[] buffer, int from, int end)
        {
            int at = buffer.AsSpan(from, end - from).IndexOfAny(LineBreaks);
            if (at < 0)
            {
                return end;
            }

            at += from;
            return buffer[at] == '\r' && at + 1 < end && buffer[at + 1] == '\n' ? at + 2 : at + 1;
        }

        private void ParseRange(byte[] buffer, int start, int end)
        {
            if (_slow)
            {
                ParseSlow(buffer, start, end);
                return;
            }

            int count = (int)Math.Clamp((end - start) / MinPartBytes, 1, Environment.ProcessorCount);
            if (_parts.Length < count)
            {
                Array.Resize(ref _parts, count);
            }

            int from = start;
            for (int p = 0; p < count; p++)
            {
                int to = p == count - 1 ? end : Math.Max(from, NextLineStart(buffer, start + (int)((long)(end - start) * (p + 1) / count), end));
                int lines = buffer.AsSpan(from, to - from).Count((byte)'\n') + 1;
                (_parts[p] ??= new Part()).Reset(from, to, lines);
                from = to;
            }

            if (count == 1)
            {
                ParseFast(buffer, _parts[0]);
            }
            else
            {
                Parallel.For(0, count, p => ParseFast(buffer, _parts[p]));
            }

            for (int p = 0; p < count; p++)
            {
                Part part = _parts[p];
                long[] ids = part.Ids;
                float[] weights = part.Weights;
                for (int a = 0; a < part.Arcs; a++)
                {
                    int u = _ids.IndexOf(ids[2 * a]);
                    int v = _ids.IndexOf(ids[(2 * a) + 1]);
                    _edges.Add(u, v, weights[a]);
                }

                _lineBase += part.Lines;
                if (part.StoppedAt >= 0)
                {
                    _slow = true;
                    ParseSlow(buffer, part.StoppedAt, end);
                    return;
                }
            }
        }

        /// <summary>
        /// The fast path: ASCII lines of canonical integer ids and an optional weight. Stops at the first line it does
        /// not accept (anything else), leaving that line to <see cref="ParseSlow"/>.
        /// </summary>
        private void ParseFast(byte[] buffer, Part part)
        {
            float defaultWeight = options.DefaultWeight;
            int end = part.End;
            int p = part.Start;
            ReadOnlySpan<byte> data = buffer;
            while (p < end)
            {
                int lineStart = p;
                while (p < end && IsSpace(data[p]))
                {
                    p++;
                }

                if (p == end || data[p] is (byte)'\n' or (byte)'\r' or (byte)'#' or (byte)'%')
                {
                    if (p < end && data[p] is (byte)'#' or (byte)'%')
                    {
                        // A comment: accept it only if it is plain printable ASCII (the slow path checks the rest).
                        int next = NextLineStart(buffer, p, end);
                        ReadOnlySpan<byte> comment = data[p..next].TrimEnd("\r\n"u8);
                        if (comment.ContainsAnyExcept(Printable))
                        {
                            part.StoppedAt = lineStart;
                            return;
                        }

                        p = next;
                    }
                    else
                    {
                        p = SkipBreak(data, p, end);
                    }

                    part.Lines++;
                    continue;
                }

                if (!TryParseId(data, ref p, end, out long u) || !SkipSpaces(data, ref p, end) || !TryParseId(data, ref p, end, out long v))
                {
                    part.StoppedAt = lineStart;
                    return;
                }

                float weight = defaultWeight;
                SkipSpaces(data, ref p, end);
                if (p < end && data[p] is not ((byte)'\n' or (byte)'\r'))
                {
                    int tokenStart = p;
                    while (p < end && !IsSpace(data[p]) && data[p] is not ((byte)'\n' or (byte)'\r'))
                    {
                        p++;
                    }

                    if (!float.TryParse(data[tokenStart..p], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !float.IsFinite(weight) || weight < 0)
                    {
                        part.StoppedAt = lineStart;
                        return;
                    }

                    SkipSpaces(data, ref p, end);
                    if (p < end && data[p] is not ((byte)'\n' or (byte)'\r'))
                    {
                        part.StoppedAt = lineStart;
                        return;
                    }
                }

                p = SkipBreak(data, p, end);
                if (p - lineStart > MaxLineBytes)
                {
                    part.StoppedAt = lineStart;
                    return;
                }

                part.Add(u, v, weight);
                part.Lines++;
            }
        }

        private static int SkipBreak(ReadOnlySpan<byte> data, int p, int end)
        {
            if (p < end && data[p] == '\r')
            {
                p++;
                if (p < end && data[p] == '\n')
                {
                    p++;
                }
            }
            else if (p < end && data[p] == '\n')
            {
                p++;
            }

            return p;
        }

        /// <summary>Skips spaces and tabs; true when at least one was skipped (a separator).</summary>
        private static bool SkipSpaces(ReadOnlySpan<byte> data, ref int p, int end)
        {
            int start = p;
            while (p < end && IsSpace(data[p]))
            {
                p++;
            }

            return p > start;
        }

        /// <summary>A canonical decimal integer token (see <see cref="NodeIdMap.TryParseCanonicalInteger"/>) followed by a separator or line end.</summary>
        private static bool TryParseId(ReadOnlySpan<byte> data, ref int p, int end, out long value)
        {
            value = 0;
            bool negative = p < end && data[p] == '-';
            int digitsStart = negative ? p + 1 : p;
            int q = digitsStart;
            ulong acc = 0;
            while (q < end && (uint)(data[q] - '0') <= 9)
            {
                if (q - digitsStart == 19)
                {
                    return false;
                }

                acc = (acc * 10) + (uint)(data[q] - '0');
                q++;
            }

            int digits = q - digitsStart;
            if (digits == 0 || (data[digitsStart] == '0' && (digits > 1 || negative))
                || (q < end && !IsSpace(data[q]) && data[q] is not ((byte)'\n' or (byte)'\r')))
            {
                return false;
            }

            if (negative ? acc > 9_223_372_036_854_775_808UL : acc > long.MaxValue)
            {
                return false;
            }

            value = negative ? unchecked(-(long)acc) : (long)acc;
            p = q;
            return true;
        }

        /// <summary>
        /// The sequential reader, line by line as characters: string ids, Unicode whitespace, and every error with its
        /// line number and the (escaped) line.
        /// </summary>
        private void ParseSlow(byte[] buffer, int start, int end)
        {
            int p = start;
            while (p < end)
            {
                int next = NextLineStart(buffer, p, end);
                int lineEnd = next;
                while (lineEnd > p && buffer[lineEnd - 1] is (byte)'\n' or (byte)'\r')
                {
                    lineEnd--;
                }

                _lineBase++;
                ParseLine(buffer.AsSpan(p, lineEnd - p));
                p = next;
            }
        }

        private void ParseLine(ReadOnlySpan<byte> bytes)
        {
            long lineNumber = _lineBase;
            if (bytes.Length > MaxLineBytes)
            {
                _lineBase--;
                throw LineTooLong(bytes);
            }

            int count = Encoding.UTF8.GetMaxCharCount(bytes.Length);
            if (_chars.Length < count)
            {
                _chars = new char[Math.Max(count, _chars.Length * 2)];
            }

            ReadOnlySpan<char> line = _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars));
            for (int i = 0; i < line.Length; i++)
            {
                if (IsForbiddenControl(line[i]))
                {
                    throw Fail(LineError(lineNumber, $"control character U+{(int)line[i]:X4} at column {i + 1} (is this a binary file?)", line));
                }
            }

            ReadOnlySpan<char> text = line.Trim();
            if (text.IsEmpty || text[0] == '#' || text[0] == '%')
            {
                return;
            }

            ReadOnlySpan<char> first = NextToken(ref text);
            ReadOnlySpan<char> second = NextToken(ref text);
            ReadOnlySpan<char> third = NextToken(ref text);
            if (second.IsEmpty || !text.IsEmpty)
            {
                throw Fail(LineError(lineNumber, "expected 'u v' or 'u v w'", line));
            }

            float weight = options.DefaultWeight;
            if (!third.IsEmpty
                && (!float.TryParse(third, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !float.IsFinite(weight) || weight < 0))
            {
                throw Fail(LineError(lineNumber, "the weight must be a finite number ≥ 0", line));
            }

            int u = _ids.IndexOf(first);
            int v = _ids.IndexOf(second);
            _edges.Add(u, v, weight);
        }

        private static ReadOnlySpan<char> NextToken(ref ReadOnlySpan<char> text)
        {
            text = text.TrimStart();
            int end = 0;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            ReadOnlySpan<char> token = text[..end];
            text = text[end..].TrimStart();
            return token;
        }
    }

    /// <summary>
    /// Dense relabelling by first appearance: integer ids while every id is a canonical integer, then strings. Small
    /// non-negative integer ids are looked up in a direct table, the rest in a dictionary.
    /// </summary>
    private sealed class IdRelabeler
    {
        private const long TableCap = 1L << 24;

        private int[] _table = new int[1024];
        private Dictionary<long, int>? _integerIndex = [];
        private List<long>? _integerIds = [];
        private Dictionary<string, int>? _stringIndex;
        private List<string>? _stringIds;

        public int Count => _integerIds?.Count ?? _stringIds!.Count;

        /// <summary>The dense index of an integer id (integer mode only).</summary>
        public int IndexOf(long id)
        {
            if (_integerIds is null)
            {
                return IndexOf(id.ToString(CultureInfo.InvariantCulture).AsSpan());
            }

            if ((ulong)id < (ulong)_table.Length)
            {
                int stored = _table[id];
                if (stored != 0)
                {
                    return stored - 1;
                }
            }
            else if (id >= 0 && id < TableCap && id < 16L * (_integerIds.Count + 1024))
            {
                Array.Resize(ref _table, (int)Math.Min(TableCap, Math.Max(id + 1, 2L * _table.Length)));
            }

            if (_integerIndex!.Count > 0 && _integerIndex.TryGetValue(id, out int found))
            {
                return found;
            }

            int index = _integerIds.Count;
            _integerIds.Add(id);
            if ((ulong)id < (ulong)_table.Length)
            {
                _table[id] = index + 1;
            }
            else
            {
                _integerIndex.Add(id, index);
            }

            return index;
        }

        public int IndexOf(ReadOnlySpan<char> token)
        {
            if (_integerIds is not null)
            {
                if (NodeIdMap.TryParseCanonicalInteger(token, out long value))
                {
                    return IndexOf(value);
                }

                SwitchToStrings();
            }

            var lookup = _stringIndex!.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(token, out int found))
            {
                found = _stringIds!.Count;
                string id = token.ToString();
                _stringIndex.Add(id, found);
                _stringIds.Add(id);
            }

            return found;
        }

        public NodeIdMap ToMap() => _integerIds is not null
            ? NodeIdMap.FromIntegers([.. _integerIds])
            : NodeIdMap.FromStrings([.. _stringIds!], _stringIndex);

        private void SwitchToStrings()
        {
            _stringIds = new List<string>(_integerIds!.Count);
            _stringIndex = new Dictionary<string, int>(_integerIds.Count, StringComparer.Ordinal);
            foreach (long id in _integerIds)
            {
                string text = id.ToString(CultureInfo.InvariantCulture);
                _stringIndex.Add(text, _stringIds.Count);
                _stringIds.Add(text);
            }

            _integerIds = null;
            _integerIndex = null;
            _table = [];
        }
    }
}
