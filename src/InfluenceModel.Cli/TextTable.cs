using Spectre.Console;

namespace InfluenceModel.Cli;

/// <summary>
/// A table of plain-text cells that stays readable at any width and when redirected (docs/cli.md): on a terminal wide
/// enough it is a Spectre table whose cells never wrap; otherwise (redirected output, or a terminal too narrow) it is a
/// plain layout — columns padded with spaces, a dashed rule under the header, no box characters — split into blocks
/// that fit the width, each block repeating the first column. A number is never split across lines.
/// </summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    /// <summary>A line printed above the table.</summary>
    public string? Title { get; init; }

    /// <summary>Adds a row: one plain-text cell per header (no markup).</summary>
    public TextTable AddRow(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells; it had {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>Writes the table to <paramref name="console"/>: boxed on a wide-enough terminal, plain otherwise.</summary>
    public void Write(IAnsiConsole console)
    {
        int[] widths = Widths();
        int width = Math.Max(40, console.Profile.Width);
        int boxed = widths.Sum() + (3 * widths.Length) + 1;
        if (console.Profile.Out.IsTerminal && boxed <= width)
        {
            WriteBoxed(console);
            return;
        }

        WritePlain(console.Profile.Out.Writer, widths, width);
    }

    /// <summary>The plain layout as text lines (what <see cref="Write"/> prints when not on a terminal), for a width.</summary>
    internal IEnumerable<string> PlainLines(int width)
    {
        var writer = new StringWriter();
        WritePlain(writer, Widths(), width);
        return writer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
    }

    private int[] Widths()
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (string[] row in _rows)
        {
            for (int c = 0; c < row.Length; c++)
            {
                widths[c] = Math.Max(widths[c], row[c].Length);
            }
        }

        return widths;
    }

    private void WriteBoxed(IAnsiConsole console)
    {
        var table = new Table();
        if (Title is not null)
        {
            table.Title(Markup.Escape(Title));
        }

        for (int c = 0; c < headers.Length; c++)
        {
            var column = new TableColumn(new Text(headers[c])).NoWrap();
            table.AddColumn(c == 0 ? column.LeftAligned() : column.RightAligned());
        }

        foreach (string[] row in _rows)
        {
            table.AddRow(Array.ConvertAll(row, cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)));
        }

        console.Write(table);
    }

    private void WritePlain(TextWriter writer, int[] widths, int width)
    {
        if (Title is not null)
        {
            writer.WriteLine(Title);
        }

        // Columns 1.. go into blocks that fit beside the first column; a column wider than the whole line gets a block alone.
        const string Gap = "  ";
        var blocks = new List<List<int>>();
        var current = new List<int>();
        int used = widths[0];
        for (int c = 1; c < widths.Length; c++)
        {
            if (current.Count > 0 && used + Gap.Length + widths[c] > width)
            {
                blocks.Add(current);
                current = [];
                used = widths[0];
            }

            current.Add(c);
            used += Gap.Length + widths[c];
        }

        if (current.Count > 0 || blocks.Count == 0)
        {
            blocks.Add(current);
        }

        for (int b = 0; b < blocks.Count; b++)
        {
            if (b > 0)
            {
                writer.WriteLine();
            }

            int[] columns = [0, .. blocks[b]];
            writer.WriteLine(Line(headers, columns, widths, Gap));
            writer.WriteLine(string.Join(Gap, columns.Select(c => new string('-', widths[c]))));
            foreach (string[] row in _rows)
            {
                writer.WriteLine(Line(row, columns, widths, Gap));
            }
        }

        writer.WriteLine(); // a blank line closes the table, as the boxed layout's border does
    }

    private static string Line(string[] cells, int[] columns, int[] widths, string gap) =>
        string.Join(gap, columns.Select(c => c == 0 ? cells[c].PadRight(widths[c]) : cells[c].PadLeft(widths[c]))).TrimEnd();
}
