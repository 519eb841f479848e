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
