using System.Globalization;
using System.Text;

namespace InfluenceModel.MediaMix;

/// <summary>
/// Reads a media-mix table (one row per period: a date, the KPI, the spend of each channel and optional control
/// variables) from a comma-separated file with a header row.
/// </summary>
/// <remarks>
/// <para>
/// The format is RFC 4180 with a few conveniences: fields may be quoted (<c>"a,b"</c>, with <c>""</c> for a quote and
/// line breaks allowed inside quotes); records end with CRLF, LF or CR; a UTF-8 byte-order mark and trailing blank
/// lines are ignored; whitespace around an unquoted field is ignored. Columns not named by the caller are checked for
/// a consistent field count only.
/// </para>
/// <para>
/// Nothing depends on the current culture: dates are ISO 8601 <c>yyyy-MM-dd</c> only; numbers are parsed with the
/// invariant culture (digits, <c>.</c> as the decimal point, an optional sign and exponent; no thousands separators),
/// must be finite and at most <see cref="MaxMagnitude"/> in absolute value. Spend must be ≥ 0 and every channel must
/// spend in at least one period. Dates must ascend regularly, every day or every week, with no duplicate and no gap.
/// </para>
/// <para>
/// Rows are numbered as a spreadsheet numbers them: the header is row 1, the first data row is row 2. When a quoted
/// field spans lines the message also gives the line. Every rejection names the row and the column.
/// </para>
/// </remarks>
public static class MediaMixCsv
{
    /// <summary>
    /// The largest input accepted: 16 Mi characters (about 16 MB of UTF-8). Ten years of daily data with 100 columns
    /// is about a tenth of that; a larger file is almost certainly not a media-mix table.
    /// </summary>
    public const long MaxCharacters = 16L * 1024 * 1024;

    /// <summary>
    /// The largest absolute value of a number cell, 10¹⁵: beyond it a double no longer holds money to the cent, and the
    /// sums and squares taken while fitting would lose their meaning (10³⁰⁸ is finite but its square is not).
    /// </summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>Spacing of a daily series, in days.</summary>
    internal const int DailyStep = 1;

    /// <summary>Spacing of a weekly series, in days.</summary>
    internal const int WeeklyStep = 7;

    /// <summary>Reads a media-mix table from a CSV file (UTF-8, or the encoding its byte-order mark names).</summary>
    /// <param name="path">The file.</param>
    /// <param name="dateColumn">Header name of the date column (ISO yyyy-MM-dd; daily or weekly, ascending, no gaps).</param>
    /// <param name="kpiColumn">Header name of the KPI column (sales, sign-ups …; finite numbers).</param>
    /// <param name="channelColumns">Header names of the spend columns, one per paid channel (money per period, ≥ 0, not all 0); at least one.</param>
    /// <param name="controlColumns">Header names of control columns (price, holidays …; finite numbers); null or empty for none.</param>
    /// <returns>The validated table (<see cref="MediaMixData.FromColumns"/>), columns in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or another argument is null.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">
    /// A column name is blank, named twice, or not in the header; the parameter name says which argument, and the
    /// message lists the header's columns.
    /// </exception>
    /// <exception cref="FormatException">
    /// The content breaks a rule of the class remarks (empty input, header only, ragged or blank row, duplicated header
    /// name, bad quoting, a missing, non-numeric, non-finite or too large cell, negative spend, a bad, duplicated,
    /// missing or irregular date, a channel that never spends, too few rows, over <see cref="MaxCharacters"/>); the
    /// message names the row and the column.
    /// </exception>
    public static MediaMixData Read(string path, string dateColumn, string kpiColumn, IReadOnlyList<string> channelColumns, IReadOnlyList<string>? controlColumns)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Media-mix CSV file not found: {path}", path);
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, dateColumn, kpiColumn, channelColumns, controlColumns);
    }

    /// <summary>Reads a media-mix table from CSV text; see <see cref="Read(string, string, string, IReadOnlyList{string}, IReadOnlyList{string})"/>.</summary>
    /// <param name="reader">The CSV text; read to the end (or to the size limit), not disposed.</param>
    /// <param name="dateColumn">Header name of the date column.</param>
    /// <param name="kpiColumn">Header name of the KPI column.</param>
    /// <param name="channelColumns">Header names of the spend columns; at least one.</param>
    /// <param name="controlColumns">Header names of control columns; null or empty for none.</param>
    /// <returns>The validated table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or another argument is null.</exception>
    /// <exception cref="ArgumentException">A column name is blank, named twice, or not in the header (the message lists the header).</exception>
    /// <exception cref="FormatException">The content breaks a rule of the class remarks; the message names the row and the column.</exception>
    public static MediaMixData Read(TextReader reader, string dateColumn, string kpiColumn, IReadOnlyList<string> channelColumns, IReadOnlyList<string>? controlColumns)
    {
        Table table = Parse(reader, dateColumn, kpiColumn, channelColumns, controlColumns);
        if (table.Dates.Length < MediaMixData.MinimumPeriods)
        {
            throw new FormatException($"The CSV input has {table.Dates.Length} data rows; a media-mix table needs at least {MediaMixData.MinimumPeriods}.");
        }

        if (Array.TrueForAll(table.Kpi, v => v == 0))
        {
            throw new FormatException($"KPI column '{kpiColumn.Trim()}' is 0 in every row; there is nothing to explain.");
        }

        return MediaMixData.FromColumns(
            table.Dates,
            table.Kpi,
            table.ChannelNames.Select((name, c) => KeyValuePair.Create(name, (IReadOnlyList<double>)table.Spend[c])),
            table.ControlNames.Select((name, c) => KeyValuePair.Create(name, (IReadOnlyList<double>)table.Controls[c])));
    }

    /// <summary>Parses the CSV text into columns; see the class remarks for the rules.</summary>
    /// <exception cref="ArgumentNullException">An argument (or a column name in a list) is null.</exception>
    /// <exception cref="ArgumentException">A column name is blank, named twice, or not in the header (the message lists the header).</exception>
    /// <exception cref="FormatException">The content breaks a rule; the message names the row and the column.</exception>
    internal static Table Parse(TextReader reader, string dateColumn, string kpiColumn, IReadOnlyList<string> channelColumns, IReadOnlyList<string>? controlColumns)
    {
        ArgumentNullException.ThrowIfNull(reader);
        controlColumns ??= [];
        CheckNames(dateColumn, kpiColumn, channelColumns, controlColumns);

        List<Record> records = ReadRecords(reader);
        if (records.Count == 0)
        {
            throw new FormatException("The CSV input is empty: it needs a header row and at least two data rows.");
        }

        string[] header = [.. records[0].Fields.Select(f => f.Trim())];
        CheckHeader(header);
        if (records.Count == 1)
        {
            throw new FormatException($"The CSV input has a header row ({string.Join(", ", header)}) but no data rows.");
        }

        for (int r = 1; r < records.Count; r++)
        {
            if (records[r].Fields.Length != header.Length)
            {
                throw new FormatException(records[r].IsBlank
                    ? $"{records[r].Where} is blank; every row needs {header.Length} fields (blank lines are allowed only at the end)."
                    : $"{records[r].Where} has {records[r].Fields.Length} field(s); the header has {header.Length}.");
            }
        }

        int dateIndex = Resolve(header, dateColumn, nameof(dateColumn));
        int kpiIndex = Resolve(header, kpiColumn, nameof(kpiColumn));
        int[] channelIndex = [.. channelColumns.Select(c => Resolve(header, c, nameof(channelColumns)))];
        int[] controlIndex = [.. controlColumns.Select(c => Resolve(header, c, nameof(controlColumns)))];

        int n = records.Count - 1;
        var dates = new DateOnly[n];
        var kpi = new double[n];
        double[][] spend = [.. channelIndex.Select(_ => new double[n])];
        double[][] controls = [.. controlIndex.Select(_ => new double[n])];
        for (int t = 0; t < n; t++)
        {
            Record record = records[t + 1];
            dates[t] = ParseDate(record, dateIndex, header);
            kpi[t] = ParseNumber(record, kpiIndex, header);
            for (int c = 0; c < channelIndex.Length; c++)
            {
                double value = ParseNumber(record, channelIndex[c], header);
                spend[c][t] = value >= 0
                    ? value
                    : throw new FormatException($"{record.Where}, column '{header[channelIndex[c]]}': spend must be ≥ 0; it was {Text(record, channelIndex[c])}.");
            }

            for (int c = 0; c < controlIndex.Length; c++)
            {
                controls[c][t] = ParseNumber(record, controlIndex[c], header);
            }
        }

        int step = CheckSpacing(records, dates, header[dateIndex]);
        for (int c = 0; c < channelIndex.Length; c++)
        {
            if (Array.TrueForAll(spend[c], v => v == 0))
            {
                throw new FormatException($"Channel column '{header[channelIndex[c]]}' never spends: every one of its {n} values is 0. Drop the channel or check the column.");
            }
        }

        return new Table(dates, step, kpi, [.. channelIndex.Select(i => header[i])], spend, [.. controlIndex.Select(i => header[i])], controls);
    }

    private static void CheckNames(string dateColumn, string kpiColumn, IReadOnlyList<string> channelColumns, IReadOnlyList<string> controlColumns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dateColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(kpiColumn);
        ArgumentNullException.ThrowIfNull(channelColumns);
        if (channelColumns.Count == 0)
        {
            throw new ArgumentException("channelColumns must name at least one channel column.", nameof(channelColumns));
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal) { [dateColumn.Trim()] = nameof(dateColumn) };
        Add(kpiColumn, nameof(kpiColumn));
        foreach (string name in channelColumns)
        {
            Add(name, nameof(channelColumns));
        }

        foreach (string name in controlColumns)
        {
            Add(name, nameof(controlColumns));
        }

        void Add(string? name, string role)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"{role} must not contain a null or blank column name.", role);
            }

            if (!seen.TryAdd(name.Trim(), role))
            {
                throw new ArgumentException($"Column '{name}' is named twice ({seen[name.Trim()]} and {role}); each column has one role.", role);
            }
        }
    }

    private static void CheckHeader(string[] header)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            if (!first.TryAdd(header[i], i))
            {
                throw new FormatException($"Row 1 (the header) names column '{header[i]}' twice (columns {first[header[i]] + 1} and {i + 1}); column names must be unique.");
            }
        }
    }

    private static int Resolve(string[] header, string name, string role)
    {
        int index = Array.IndexOf(header, name.Trim());
        return index >= 0
            ? index
            : throw new ArgumentException($"Column '{name}' ({role}) is not in the header; the columns are: {string.Join(", ", header)}.", role);
    }

    private static DateOnly ParseDate(Record record, int column, string[] header)
    {
        string text = record.Fields[column].Trim();
        if (text.Length == 0)
        {
            throw new FormatException($"{record.Where}, column '{header[column]}': the date is missing; dates are ISO yyyy-MM-dd.");
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date)
            ? date
            : throw new FormatException($"{record.Where}, column '{header[column]}': '{text}' is not a date in ISO format yyyy-MM-dd.");
    }

    private static double ParseNumber(Record record, int column, string[] header)
    {
        string text = record.Fields[column].Trim();
        string where = $"{record.Where}, column '{header[column]}'";
        if (text.Length == 0)
        {
            throw new FormatException($"{where}: the cell is empty; a number is required.");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new FormatException($"{where}: '{text}' is not a number (invariant culture: '.' as the decimal point, an optional exponent, no thousands separators).");
        }

        if (!double.IsFinite(value))
        {
            throw new FormatException($"{where}: '{text}' is not a finite number.");
        }

        return Math.Abs(value) <= MaxMagnitude
            ? value
            : throw new FormatException($"{where}: '{text}' is larger in magnitude than {MaxMagnitude:E0}, the largest value accepted.");
    }

    private static string Text(Record record, int column) => record.Fields[column].Trim();

    /// <summary>The date spacing in days (1 or 7); rejects duplicates, gaps, disorder and other spacings.</summary>
    private static int CheckSpacing(List<Record> records, DateOnly[] dates, string column)
    {
        if (dates.Length < 2)
        {
            throw new FormatException("The CSV input has one data row; at least two are needed to tell a daily from a weekly series.");
        }

        int step = dates[1].DayNumber - dates[0].DayNumber;
        for (int t = 1; t < dates.Length; t++)
        {
            int gap = dates[t].DayNumber - dates[t - 1].DayNumber;
            string where = $"{records[t + 1].Where}, column '{column}'";
            string pair = $"{Iso(dates[t - 1])} then {Iso(dates[t])}";
            if (gap == 0)
            {
                throw new FormatException($"{where}: date {Iso(dates[t])} is duplicated (the row above has it too); one row per period.");
            }

            if (gap < 0)
            {
                throw new FormatException($"{where}: dates must ascend; {pair}.");
            }

            if (t == 1 && step is not (DailyStep or WeeklyStep))
            {
                throw new FormatException($"{where}: {pair} are {gap} days apart; the series must be daily (1 day apart) or weekly (7 days apart).");
            }

            if (gap != step)
            {
                string kind = step == WeeklyStep ? "weekly" : "daily";
                throw new FormatException(gap % step == 0
                    ? $"{where}: {pair} are {gap} days apart; {gap / step - 1} date(s) missing from a {kind} series."
                    : $"{where}: {pair} are {gap} days apart; the series is {kind} ({step} day(s) apart), so the spacing is irregular.");
            }
        }

        return step;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Splits the text into records (RFC 4180 quoting); drops trailing blank records.</summary>
    private static List<Record> ReadRecords(TextReader reader)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var input = new CharSource(reader);
        int line = 1, recordLine = 1;
        bool quoted = false, inQuotes = false, afterQuote = false;
        int quoteLine = 0;

        void EndField()
        {
            fields.Add(quoted ? field.ToString() : field.ToString().Trim());
            field.Clear();
            quoted = afterQuote = false;
        }

        void EndRecord()
        {
            bool blank = fields.Count == 0 && field.Length == 0 && !quoted;
            EndField();
            records.Add(new Record(records.Count + 1, recordLine, [.. fields], blank));
            fields.Clear();
        }

        int c;
        while ((c = input.Read()) != -1)
        {
            char ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (input.Peek() == '"')
                    {
                        input.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n' || (ch == '\r' && input.Peek() != '\n'))
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case ',':
                    EndField();
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && input.Peek() == '\n')
                    {
                        input.Read();
                    }

                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                case '"':
                    if (quoted || field.ToString().Trim().Length > 0)
                    {
                        throw new FormatException($"Row {records.Count + 1} (line {line}), field {fields.Count + 1}: a quote inside an unquoted field or after a closing quote; quote the whole field and write a quote as \"\".");
                    }

                    field.Clear();
                    quoted = inQuotes = true;
                    quoteLine = line;
                    break;
                default:
                    if (afterQuote)
                    {
                        if (!char.IsWhiteSpace(ch))
                        {
                            throw new FormatException($"Row {records.Count + 1} (line {line}), field {fields.Count + 1}: text after a closing quote; quote the whole field and write a quote as \"\".");
                        }
                    }
                    else
                    {
                        field.Append(ch);
                    }

                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"Row {records.Count + 1} (line {quoteLine}), field {fields.Count + 1}: a quoted field is never closed.");
        }

        if (fields.Count > 0 || field.Length > 0 || quoted)
        {
            EndRecord();
        }

        while (records.Count > 0 && records[^1].IsBlank)
        {
            records.RemoveAt(records.Count - 1);
        }

        return records;
    }

    /// <summary>The parsed columns, before the model's own validation. Spend and controls are [column][period].</summary>
    internal sealed record Table(DateOnly[] Dates, int StepDays, double[] Kpi, string[] ChannelNames, double[][] Spend, string[] ControlNames, double[][] Controls);

    /// <summary>One CSV record: its spreadsheet row (header = 1), the line it starts on, and its fields.</summary>
    private sealed record Record(int Row, int Line, string[] Fields, bool IsBlank)
    {
        public string Where => Row == Line ? $"Row {Row}" : $"Row {Row} (line {Line})";
    }

    /// <summary>Characters of a reader with one character of look-ahead (not every reader can Peek), counted against
    /// <see cref="MaxCharacters"/>; skips a leading byte-order mark.</summary>
    private sealed class CharSource(TextReader reader)
    {
        private int _peeked = -2;
        private long _count;

        public int Peek()
        {
            if (_peeked == -2)
            {
                _peeked = Next();
            }

            return _peeked;
        }

        public int Read()
        {
            int c = Peek();
            _peeked = -2;
            return c;
        }

        private int Next()
        {
            int c = reader.Read();
            if (c == -1)
            {
                return -1;
            }

            if (++_count > MaxCharacters)
            {
                throw new FormatException($"The CSV input is longer than {MaxCharacters:N0} characters, the largest accepted; a media-mix table is far smaller.");
            }

            return _count == 1 && c == '\uFEFF' ? Next() : c;
        }
    }
}
