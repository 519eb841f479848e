using System.Globalization;

namespace InfluenceModel.MediaMix;

/// <summary>The spacing of a media-mix table's dates.</summary>
public enum DataFrequency
{
    /// <summary>One row every 7 days; the yearly seasonal period is 365.25/7 = 52.1775 rows.</summary>
    Weekly,

    /// <summary>One row every day; the yearly seasonal period is 365.25 rows.</summary>
    Daily,
}

/// <summary>
/// An immutable media-mix table: one row per period (regular weekly or daily dates, oldest first) with the KPI
/// (sales, sign-ups … in KPI units), the spend of each channel (money per period) and optional control columns
/// (price, holidays, competitor activity … any finite values). Built by <see cref="FromColumns"/>, which validates
/// everything once; thread-safe.
/// </summary>
public sealed class MediaMixData
{
    private readonly DateOnly[] _dates;
    private readonly double[] _kpi;
    private readonly string[] _channels;
    private readonly double[][] _spend;
    private readonly string[] _controls;
    private readonly double[][] _controlValues;

    private MediaMixData(DateOnly[] dates, double[] kpi, string[] channels, double[][] spend, string[] controls, double[][] controlValues, DataFrequency frequency)
    {
        _dates = dates;
        _kpi = kpi;
        _channels = channels;
        _spend = spend;
        _controls = controls;
        _controlValues = controlValues;
        Frequency = frequency;
    }

    /// <summary>Number of periods (rows).</summary>
    public int Periods => _dates.Length;

    /// <summary>The period dates, oldest first, equally spaced by <see cref="Frequency"/>.</summary>
    public IReadOnlyList<DateOnly> Dates => _dates;

    /// <summary>The KPI per period (KPI units).</summary>
    public IReadOnlyList<double> Kpi => _kpi;

    /// <summary>Channel names in column order.</summary>
    public IReadOnlyList<string> ChannelNames => _channels;

    /// <summary>Control column names in column order.</summary>
    public IReadOnlyList<string> ControlNames => _controls;

    /// <summary>Weekly or daily.</summary>
    public DataFrequency Frequency { get; }

    /// <summary>The yearly seasonal period in rows: 52.1775 for weekly data, 365.25 for daily data.</summary>
    public double YearlyPeriod => Frequency == DataFrequency.Weekly ? 365.25 / 7 : 365.25;

    internal ReadOnlySpan<double> KpiSpan => _kpi;

    /// <summary>The spend per period of channel <paramref name="channel"/> (money per period).</summary>
    /// <param name="channel">A name in <see cref="ChannelNames"/>.</param>
    /// <returns>The spend column.</returns>
    /// <exception cref="ArgumentException">No such channel.</exception>
    public IReadOnlyList<double> Spend(string channel) => _spend[ChannelIndex(channel)];

    /// <summary>The values of control column <paramref name="control"/>.</summary>
    /// <param name="control">A name in <see cref="ControlNames"/>.</param>
    /// <returns>The control column.</returns>
    /// <exception cref="ArgumentException">No such control.</exception>
    public IReadOnlyList<double> Control(string control)
    {
        int j = Array.IndexOf(_controls, control);
        return j >= 0
            ? _controlValues[j]
            : throw new ArgumentException($"No control column '{control}'; the data has [{string.Join(", ", _controls)}].", nameof(control));
    }

    internal double[] SpendArray(int channel) => _spend[channel];

    internal double[] ControlArray(int control) => _controlValues[control];

    internal int ChannelIndex(string channel)
    {
        int c = Array.IndexOf(_channels, channel);
        return c >= 0
            ? c
            : throw new ArgumentException($"No spend column '{channel}'; the data has [{string.Join(", ", _channels)}].", nameof(channel));
    }

    internal int ControlIndex(string control) => Array.IndexOf(_controls, control);

    /// <summary>The first <paramref name="count"/> rows (for rolling-origin validation).</summary>
    internal MediaMixData Head(int count) => new(
        _dates[..count], _kpi[..count], _channels, [.. _spend.Select(s => s[..count])], _controls, [.. _controlValues.Select(s => s[..count])], Frequency);

    /// <summary>Builds and validates a table from columns.</summary>
    /// <param name="dates">Period dates, oldest first: at least 8 rows, equally spaced by 7 days (weekly) or 1 day (daily), no duplicate or missing period.</param>
    /// <param name="kpi">The KPI per period, finite, one per date; not all zero.</param>
    /// <param name="spend">Spend columns by channel name (money per period): at least one; each finite and ≥ 0, one value per date, and positive at least once. Column order is kept.</param>
    /// <param name="controls">Optional control columns by name: finite, one value per date. Column order is kept.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">An argument or a column is null.</exception>
    /// <exception cref="ArgumentException">
    /// Too few rows, irregular/duplicated/missing dates, a column of the wrong length, a duplicated or empty name, a
    /// non-finite value or negative spend (the message names the row, its date and the column), or a channel that
    /// never spends (named). The parameter name is the argument at fault.
    /// </exception>
    public static MediaMixData FromColumns(
        IReadOnlyList<DateOnly> dates,
        IReadOnlyList<double> kpi,
        IEnumerable<KeyValuePair<string, IReadOnlyList<double>>> spend,
        IEnumerable<KeyValuePair<string, IReadOnlyList<double>>>? controls = null)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(spend);
        int n = dates.Count;
        if (n < MinimumPeriods)
        {
            throw new ArgumentException($"dates must hold at least {MinimumPeriods} periods; it has {n}.", nameof(dates));
        }

        DateOnly[] d = [.. dates];
        int step = d[1].DayNumber - d[0].DayNumber;
        DataFrequency frequency = step switch
        {
            7 => DataFrequency.Weekly,
            1 => DataFrequency.Daily,
            _ => throw new ArgumentException(
                $"dates must be weekly (7 days apart) or daily (1 day apart), oldest first; rows 0 and 1 ({Format(d[0])}, {Format(d[1])}) are {step} days apart.",
                nameof(dates)),
        };
        for (int t = 1; t < n; t++)
        {
            int gap = d[t].DayNumber - d[t - 1].DayNumber;
            if (gap != step)
            {
                string what = gap == 0 ? "duplicates the previous date" : gap > step && gap % step == 0 ? $"skips {(gap / step) - 1} period(s) (missing dates)" : $"is {gap} days after the previous row, expected {step}";
                throw new ArgumentException($"dates: row {t} ({Format(d[t])}) {what}.", nameof(dates));
            }
        }

        double[] y = Column(kpi, n, "kpi", nameof(kpi), d, nonNegative: false);
        bool anyNonZero = false;
        foreach (double v in y)
        {
            anyNonZero |= v != 0;
        }

        if (!anyNonZero)
        {
            throw new ArgumentException("kpi is zero in every row.", nameof(kpi));
        }

        var channelNames = new List<string>();
        var spendColumns = new List<double[]>();
        foreach (var (name, values) in spend)
        {
            CheckName(name, channelNames, nameof(spend));
            ArgumentNullException.ThrowIfNull(values, nameof(spend));
            double[] x = Column(values, n, name, nameof(spend), d, nonNegative: true);
            double max = 0;
            foreach (double v in x)
            {
                max = Math.Max(max, v);
            }

            if (max <= 0)
            {
                throw new ArgumentException($"spend: channel '{name}' never spends (every row is 0); drop it or give it spend.", nameof(spend));
            }

            channelNames.Add(name);
            spendColumns.Add(x);
        }

        if (channelNames.Count == 0)
        {
            throw new ArgumentException("spend must hold at least one channel column.", nameof(spend));
        }

        var controlNames = new List<string>();
        var controlColumns = new List<double[]>();
        foreach (var (name, values) in controls ?? [])
        {
            CheckName(name, controlNames, nameof(controls));
            if (channelNames.Contains(name))
            {
                throw new ArgumentException($"controls: '{name}' is also a channel name.", nameof(controls));
            }

            ArgumentNullException.ThrowIfNull(values, nameof(controls));
            controlNames.Add(name);
            controlColumns.Add(Column(values, n, name, nameof(controls), d, nonNegative: false));
        }

        return new MediaMixData(d, y, [.. channelNames], [.. spendColumns], [.. controlNames], [.. controlColumns], frequency);
    }

    /// <summary>The fewest rows a table may have.</summary>
    public const int MinimumPeriods = 8;

    private static void CheckName(string name, List<string> seen, string paramName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"{paramName}: column {seen.Count} has an empty name.", paramName);
        }

        if (seen.Contains(name))
        {
            throw new ArgumentException($"{paramName}: column '{name}' appears twice.", paramName);
        }
    }

    private static double[] Column(IReadOnlyList<double> values, int n, string column, string paramName, DateOnly[] dates, bool nonNegative)
    {
        if (values.Count != n)
        {
            throw new ArgumentException($"{paramName}: column '{column}' has {values.Count} values but there are {n} dates.", paramName);
        }

        var result = new double[n];
        for (int t = 0; t < n; t++)
        {
            double v = values[t];
            if (!double.IsFinite(v))
            {
                throw new ArgumentException($"{paramName}: row {t} ({Format(dates[t])}), column '{column}' is {v.ToString(CultureInfo.InvariantCulture)}; values must be finite (no missing values).", paramName);
            }

            if (nonNegative && v < 0)
            {
                throw new ArgumentException($"{paramName}: row {t} ({Format(dates[t])}), column '{column}' is {v.ToString(CultureInfo.InvariantCulture)}; spend must be ≥ 0.", paramName);
            }

            result[t] = v;
        }

        return result;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
