using System.Globalization;
using System.Text;
using InfluenceModel.Internal;

namespace InfluenceModel.Networks;

/// <summary>Node tables (CSV beside an edge list) for <see cref="AttributedGraph"/> (see its <c>LoadNodeTable</c> for the rules).</summary>
internal static class NodeTableFormat
{
    private const int MaxLineChars = 1 << 20;

    public static AttributedGraph Read(SocialGraph graph, Stream stream, AttributedGraphOptions options, string? path)
    {
        string source = path is null ? "the node table" : Printable.Escape(path, 200);
        using var capped = new CappedStream(stream, options.MaxFileBytes, source);
        using var text = new TextCursor(capped, source);
        List<string>? header = ReadRow(text, source, out int headerLine);
        if (header is null)
        {
            throw new FormatException($"{source}: the file is empty; a node table starts with a header line such as 'id,{options.SegmentAttribute},…'.");
        }

        int idColumn = -1, segmentColumn = -1;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int c = 0; c < header.Count; c++)
        {
            string name = header[c].Trim();
            if (name.Length == 0)
            {
                throw new FormatException($"{source}: line {headerLine}: column {c + 1} of the header has no name.");
            }

            if (!names.Add(name))
            {
                throw new FormatException($"{source}: line {headerLine}: column '{Printable.Escape(name, 80)}' is named twice.");
            }

            if (name.Equals("id", StringComparison.OrdinalIgnoreCase))
            {
                idColumn = c;
            }
            else if (name.Equals(options.SegmentAttribute, StringComparison.OrdinalIgnoreCase))
            {
                segmentColumn = c;
            }
        }

        if (idColumn < 0)
        {
            throw new FormatException($"{source}: line {headerLine}: the header has no 'id' column (the node ids of the graph file).");
        }

        int n = graph.NodeCount;
        var cells = new string?[header.Count][];
        for (int c = 0; c < header.Count; c++)
        {
            if (c != idColumn && c != segmentColumn)
            {
                cells[c] = new string?[n];
            }
        }

        var segmentOf = segmentColumn >= 0 ? new string?[n] : null;
        var seen = new int[n];
        while (ReadRow(text, source, out int line) is { } row)
        {
            if (row.Count == 1 && row[0].Trim().Length == 0)
            {
                continue;
            }

            if (row.Count != header.Count)
            {
                throw new FormatException($"{source}: line {line}: {row.Count} cells, but the header has {header.Count}.");
            }

            string id = row[idColumn].Trim();
            if (!graph.TryGetIndex(id, out int node))
            {
                throw new FormatException($"{source}: line {line}: node id '{Printable.Escape(id, 200)}' is not a node of the graph ({n:N0} nodes).");
            }

            if (seen[node] != 0)
            {
                throw new FormatException($"{source}: line {line}: node id '{Printable.Escape(id, 200)}' is given twice (first on line {seen[node]}).");
            }

            seen[node] = line;
            for (int c = 0; c < row.Count; c++)
            {
                string cell = row[c].Trim();
                if (c == segmentColumn)
                {
                    segmentOf![node] = cell.Length > 0
                        ? cell
                        : throw new FormatException($"{source}: line {line}: node '{Printable.Escape(id, 200)}' has an empty {Printable.Escape(header[c].Trim(), 80)}.");
                }
                else if (c != idColumn && cell.Length > 0)
                {
                    cells[c][node] = cell;
                }
            }
        }

        int[]? groups = null;
        List<string>? segments = null;
        if (segmentOf is not null)
        {
            groups = new int[n];
            segments = [];
            var labels = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int v = 0; v < n; v++)
            {
                string segment = segmentOf[v] ?? throw new FormatException(
                    $"{source}: node '{Printable.Escape(graph.NodeId(v), 200)}' of the graph has no row, so no {Printable.Escape(options.SegmentAttribute, 80)} ({Missing(seen)} nodes have none); give every node a row.");
                if (!labels.TryGetValue(segment, out int g))
                {
                    g = labels.Count;
                    labels.Add(segment, g);
                    segments.Add(segment);
                }

                groups[v] = g;
            }
        }

        var attributes = new List<NodeProperty>();
        for (int c = 0; c < header.Count; c++)
        {
            if (cells[c] is { } column)
            {
                attributes.Add(Property(header[c].Trim(), column, c, seen, source));
            }
        }

        return new AttributedGraph(graph.WithGroups(groups), segments, attributes);
    }

    private static int Missing(int[] seen) => seen.Count(line => line == 0);

    /// <summary>One CSV record (RFC 4180: quoted cells may hold commas, quotes as "" and line breaks), or null at the end.</summary>
    private static List<string>? ReadRow(TextCursor text, string source, out int line)
    {
        line = text.Line;
        if (text.Peek() < 0)
        {
            return null;
        }

        var cells = new List<string>();
        var cell = new StringBuilder();
        int chars = 0;
        bool quoted = false, wasQuoted = false;
        while (true)
        {
            int column = text.Column;
            int c = text.Next();
            if (++chars > MaxLineChars)
            {
                throw new FormatException($"{source}: line {line}: a record is longer than {MaxLineChars:N0} characters.");
            }

            if (quoted)
            {
                if (c < 0)
                {
                    throw new FormatException($"{source}: line {line}: a quoted cell is not closed (a '\"' is missing).");
                }

                if (c == '"')
                {
                    if (text.Peek() == '"')
                    {
                        text.Next();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case -1 or '\n':
                    cells.Add(cell.ToString());
                    return cells;
                case '\r':
                    if (text.Peek() is '\n' or -1)
                    {
                        break;
                    }

                    throw Error(source, text.Line, column, "a carriage return inside a line");
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    wasQuoted = false;
                    break;
                case '"' when cell.ToString().Trim().Length == 0 && !wasQuoted:
                    cell.Clear();
                    quoted = true;
                    wasQuoted = true;
                    break;
                case '"':
                    throw Error(source, text.Line, column, "a '\"' inside an unquoted cell (quote the whole cell and double the quote)");
                default:
                    if (wasQuoted && !char.IsWhiteSpace((char)c))
                    {
                        throw Error(source, text.Line, column, "text after a quoted cell's closing '\"'");
                    }

                    cell.Append((char)c);
                    break;
            }
        }
    }

    /// <summary>
    /// A column as a property: numeric when every cell reads as a number (then each must be finite), boolean when every
    /// cell is true or false (case ignored), text otherwise. An empty cell is a missing value.
    /// </summary>
    private static NodeProperty Property(string name, string?[] column, int c, int[] lineOf, string source)
    {
        var numbers = new double?[column.Length];
        bool numeric = true, boolean = true;
        for (int v = 0; v < column.Length && (numeric || boolean); v++)
        {
            if (column[v] is { } cell)
            {
                numeric &= double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double x);
                numbers[v] = x;
                boolean &= cell.Equals("true", StringComparison.OrdinalIgnoreCase) || cell.Equals("false", StringComparison.OrdinalIgnoreCase);
            }
        }

        if (numeric)
        {
            for (int v = 0; v < column.Length; v++)
            {
                if (numbers[v] is { } x && !double.IsFinite(x))
                {
                    throw new FormatException($"{source}: line {lineOf[v]}, column {c + 1} ({Printable.Escape(name, 80)}): '{Printable.Escape(column[v]!, 80)}' is not a finite number.");
                }
            }

            return new NodeProperty(name, numbers);
        }

        return boolean
            ? NodeProperty.FromBooleans(name, [.. column.Select(cell => cell is null ? (bool?)null : cell.Equals("true", StringComparison.OrdinalIgnoreCase))])
            : NodeProperty.FromTexts(name, column);
    }

    private static FormatException Error(string source, int line, int column, string what) => new($"{source}: line {line}, column {column}: {what}.");

    public static void Write(AttributedGraph graph, Stream stream)
    {
        SocialGraph g = graph.Graph;
        foreach (NodeProperty a in graph.Properties)
        {
            if (a.Name.ToUpperInvariant() is "ID" or "SEGMENT")
            {
                throw Guard.Invalid(nameof(graph), $"attribute '{a.Name}' cannot be written: the node table's columns 'id' and 'segment' are the node id and segment.");
            }
        }

        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var cells = new List<string> { "id" };
        if (g.HasGroups)
        {
            cells.Add("segment");
        }

        cells.AddRange(graph.Properties.Select(a => a.Name));
        w.WriteLine(string.Join(',', cells.Select(Quote)));
        for (int v = 0; v < g.NodeCount; v++)
        {
            cells.Clear();
            cells.Add(g.NodeId(v));
            if (graph.SegmentOf(v) is { } segment)
            {
                cells.Add(segment);
            }

            foreach (NodeProperty a in graph.Properties)
            {
                cells.Add(a.Kind switch
                {
                    NodePropertyKind.Text => a.Texts[v] ?? "",
                    NodePropertyKind.Boolean => a.Booleans[v] is { } b ? (b ? "true" : "false") : "",
                    _ => a.Values[v] is { } value ? value.ToString("R", CultureInfo.InvariantCulture) : "",
                });
            }

            w.WriteLine(string.Join(',', cells.Select(Quote)));
        }
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (cell.Length > 0 && (char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1])))
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
