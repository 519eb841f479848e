namespace InfluenceModel.Campaigns;

/// <summary>
/// One Monte-Carlo figure per period and run, stored period-major so that the runs of one period are one contiguous
/// span (<see cref="At"/>) for <see cref="Estimate.FromSample"/>. Runs write disjoint cells; thread-safe for that use.
/// </summary>
internal sealed class PeriodSamples(int periods, int runs)
{
    private readonly double[] _values = new double[periods * runs];

    public double this[int period, int run]
    {
        get => _values[(period * runs) + run];
        set => _values[(period * runs) + run] = value;
    }

    /// <summary>The runs' values in <paramref name="period"/>.</summary>
    public ReadOnlySpan<double> At(int period) => _values.AsSpan(period * runs, runs);

    /// <summary>All values, period-major (period t's runs at [t·runs, (t + 1)·runs)).</summary>
    public double[] Values => _values;
}

/// <summary>
/// Everything a campaign simulation records, one array per metric (no shared strides): per period, per channel and
/// period, and per channel (and the ambassador program) over the whole campaign. Reduced in run order by
/// <see cref="CampaignReduction"/>, so the result never depends on the parallelism.
/// </summary>
internal sealed class CampaignSamples
{
    public CampaignSamples(int runs, int periods, int channels)
    {
        Runs = runs;
        Periods = periods;
        PeriodSamples Period() => new(periods, runs);
        Reach = Period();
        Aware = Period();
        Adopters = Period();
        BaselineAdopters = Period();
        Organic = Period();
        Direct = Period();
        Ambassadors = Period();
        Compliance = Period();
        Identification = Period();
        Internalization = Period();
        ChannelReach = [.. Enumerable.Range(0, channels).Select(_ => Period())];
        ChannelNewDirect = [.. Enumerable.Range(0, channels).Select(_ => Period())];
        ChannelUniqueReach = [.. Enumerable.Range(0, channels).Select(_ => new double[runs])];
        ChannelDirect = [.. Enumerable.Range(0, channels).Select(_ => new double[runs])];
        ChannelAttributed = [.. Enumerable.Range(0, channels).Select(_ => new double[runs])];
        AmbassadorAttributed = new double[runs];
    }

    public int Runs { get; }

    public int Periods { get; }

    /// <summary>Selected channels.</summary>
    public int Channels => ChannelReach.Length;

    /// <summary>
    /// Every metric's values, in a fixed order: first the per-period metrics (period-major, <see cref="Periods"/> ×
    /// <see cref="Runs"/> values each), then the per-run ones (<see cref="Runs"/> values each). The wire form of a range
    /// of runs (InfluenceModel.Orleans); <see cref="Insert"/> reads it back.
    /// </summary>
    public double[][] Columns() =>
    [
        Reach.Values, Aware.Values, Adopters.Values, BaselineAdopters.Values, Organic.Values, Direct.Values, Ambassadors.Values,
        Compliance.Values, Identification.Values, Internalization.Values,
        .. ChannelReach.Select(p => p.Values), .. ChannelNewDirect.Select(p => p.Values),
        .. ChannelUniqueReach, .. ChannelDirect, .. ChannelAttributed, AmbassadorAttributed,
    ];

    /// <summary>Number of per-period metrics at the start of <see cref="Columns"/>.</summary>
    public int PeriodColumns => 10 + (2 * Channels);

    /// <summary>
    /// Copies the <see cref="Columns"/> of <paramref name="count"/> runs (the samples of runs [first, first + count))
    /// into runs [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) of these samples.
    /// </summary>
    /// <exception cref="ArgumentException">The columns do not have the shape of <paramref name="count"/> runs of this campaign.</exception>
    public void Insert(int first, int count, IReadOnlyList<double[]> columns)
    {
        double[][] target = Columns();
        if (columns.Count != target.Length || first < 0 || count < 0 || first + count > Runs)
        {
            throw new ArgumentException($"Samples of {columns.Count} metrics for runs [{first}, {first + count}) do not fit {target.Length} metrics of {Runs} runs.", nameof(columns));
        }

        for (int k = 0; k < target.Length; k++)
        {
            bool perPeriod = k < PeriodColumns;
            double[] source = columns[k];
            if (source.Length != (perPeriod ? Periods * count : count))
            {
                throw new ArgumentException($"Metric {k} has {source.Length} values; {(perPeriod ? Periods * count : count)} expected.", nameof(columns));
            }

            if (!perPeriod)
            {
                source.CopyTo(target[k], first);
                continue;
            }

            for (int t = 0; t < Periods; t++)
            {
                Array.Copy(source, t * count, target[k], (t * Runs) + first, count);
            }
        }
    }

    public PeriodSamples Reach { get; }

    public PeriodSamples Aware { get; }

    public PeriodSamples Adopters { get; }

    public PeriodSamples BaselineAdopters { get; }

    public PeriodSamples Organic { get; }

    public PeriodSamples Direct { get; }

    public PeriodSamples Ambassadors { get; }

    public PeriodSamples Compliance { get; }

    public PeriodSamples Identification { get; }

    public PeriodSamples Internalization { get; }

    /// <summary>Per selected channel: consumers exposed in each period.</summary>
    public PeriodSamples[] ChannelReach { get; }

    /// <summary>Per selected channel: consumers acting on its message in each period.</summary>
    public PeriodSamples[] ChannelNewDirect { get; }

    /// <summary>Per selected channel and run: consumers ever exposed.</summary>
    public double[][] ChannelUniqueReach { get; }

    /// <summary>Per selected channel and run: direct adopters at the end.</summary>
    public double[][] ChannelDirect { get; }

    /// <summary>Per selected channel and run: direct adopters plus the pro-rata share of word of mouth.</summary>
    public double[][] ChannelAttributed { get; }

    /// <summary>Per run: active ambassadors at the end plus their pro-rata share of word of mouth.</summary>
    public double[] AmbassadorAttributed { get; }
}
