using InfluenceModel.Channels;
namespace InfluenceModel.MediaMix;

/// <summary>One parameter of the flat vector: name, support, prior, and the factor that takes it to data units.</summary>
internal readonly record struct ParameterInfo(string Name, ParameterSupport Support, Prior Prior, double DataScale);

/// <summary>Which additive component of the mean a linear column belongs to.</summary>
internal enum LinearGroup
{
    Baseline,
    Trend,
    Seasonality,
    Control,
}

/// <summary>A channel as the density sees it: kinds, scaled spend, parameter offset.</summary>
internal sealed class ChannelTerm
{
    public required string Name { get; init; }

    public required MediaMixAdstockKind Adstock { get; init; }

    public required ResponseCurveKind Saturation { get; init; }

    /// <summary>Spend / SpendScale for every row of the data (fitted and held-out).</summary>
    public required double[] Spend { get; init; }

    /// <summary>max spend over the fitted rows (money).</summary>
    public required double SpendScale { get; init; }

    /// <summary>Σ spend over the fitted rows, scaled.</summary>
    public required double ScaledSpendTotal { get; init; }

    /// <summary>Index of β in the parameter vector; then the saturation's, then the adstock's.</summary>
    public required int Offset { get; init; }

    public int SaturationCount => Saturation == ResponseCurveKind.Hill ? 2 : 1;

    public int AdstockCount => Adstock == MediaMixAdstockKind.Geometric ? 1 : 2;

    public int ParameterCount => 1 + SaturationCount + AdstockCount;

    public Prior? RoasPrior { get; init; }
}

/// <summary>A lift test resolved against the data: channel index, row window, scaled spend change.</summary>
internal readonly record struct LiftTerm(int Channel, int First, int Last, double ScaledChange, double Lift, double StandardError);

/// <summary>
/// The model laid out on a table: scaled data, the linear design (intercept, trend, Fourier, controls), the
/// channels and the flat parameter vector (linear coefficients, then per channel β, saturation, adstock, then σ).
/// Rows 0 … Fitted−1 are fitted; the rest (rolling-origin validation) are only predicted, with the same scaling.
/// </summary>
internal sealed class MediaMixProblem
{
    private MediaMixProblem(MediaMixModel model, MediaMixData data, int fitted)
    {
        Model = model;
        Data = data;
        Fitted = fitted;
    }

    public MediaMixModel Model { get; }

    public MediaMixData Data { get; }

    /// <summary>Rows used for fitting.</summary>
    public int Fitted { get; }

    /// <summary>All rows (fitted + predicted).</summary>
    public int Rows => Data.Periods;

    public double KpiScale { get; private set; }

    /// <summary>y / KpiScale over the fitted rows.</summary>
    public double[] Kpi { get; private set; } = [];

    /// <summary>
    /// Replaces the scaled KPI (simulation-based calibration draws y on the scaled units from the prior, which a
    /// table cannot express because scaling depends on y). Call before building a density.
    /// </summary>
    internal void ReplaceScaledKpi(double[] scaled) => Kpi = scaled;

    /// <summary>Linear design columns (each Rows long).</summary>
    public double[][] Columns { get; private set; } = [];

    public LinearGroup[] Groups { get; private set; } = [];

    public ChannelTerm[] Channels { get; private set; } = [];

    public LiftTerm[] LiftTests { get; private set; } = [];

    public ParameterInfo[] Parameters { get; private set; } = [];

    public int SigmaIndex => Parameters.Length - 1;

    public int MaxLag => Model.MaxLag;

    public static MediaMixProblem Create(MediaMixModel model, MediaMixData data, int fitted)
    {
        var p = new MediaMixProblem(model, data, fitted);
        p.Build();
        return p;
    }

    private void Build()
    {
        int n = Fitted;
        int rows = Rows;
        double yScale = 0;
        ReadOnlySpan<double> y = Data.KpiSpan;
        for (int t = 0; t < n; t++)
        {
            yScale = Math.Max(yScale, Math.Abs(y[t]));
        }

        if (yScale == 0)
        {
            throw new ArgumentException("data: the KPI is zero in every fitted row.", "data");
        }

        double kpiTotal = 0;
        for (int t = 0; t < n; t++)
        {
            kpiTotal += y[t];
        }

        if (kpiTotal <= 0)
        {
            throw new ArgumentException($"data: the KPI must have a positive total over the fitted rows (shares are fractions of it); it is {kpiTotal}.", "data");
        }

        KpiScale = yScale;
        var kpi = new double[n];
        for (int t = 0; t < n; t++)
        {
            kpi[t] = y[t] / yScale;
        }

        Kpi = kpi;

        var columns = new List<double[]>();
        var groups = new List<LinearGroup>();
        var parameters = new List<ParameterInfo>();

        void Add(double[] column, LinearGroup group, string name, Prior prior, double dataScale)
        {
            columns.Add(column);
            groups.Add(group);
            parameters.Add(new ParameterInfo(name, ParameterSupport.Real, prior, dataScale));
        }

        var ones = new double[rows];
        Array.Fill(ones, 1.0);
        Add(ones, LinearGroup.Baseline, "intercept", Model.InterceptPrior, yScale);
        if (Model.Trend != TrendKind.None)
        {
            double denominator = Math.Max(1, n - 1);
            var tau = new double[rows];
            for (int t = 0; t < rows; t++)
            {
                tau[t] = t / denominator;
            }

            Add(tau, LinearGroup.Trend, "trend", Model.TrendPrior, yScale);
            if (Model.Trend == TrendKind.PiecewiseLinear)
            {
                int k = Model.ChangePoints;
                for (int j = 1; j <= k; j++)
                {
                    double c = (double)j / (k + 1);
                    var column = new double[rows];
                    for (int t = 0; t < rows; t++)
                    {
                        column[t] = Math.Max(0, tau[t] - c);
                    }

                    Add(column, LinearGroup.Trend, $"changepoint[{j}]", Model.ChangePointPrior, yScale);
                }
            }
        }

        double period = Data.YearlyPeriod;
        for (int k = 1; k <= Model.SeasonalityPairs; k++)
        {
            var sin = new double[rows];
            var cos = new double[rows];
            for (int t = 0; t < rows; t++)
            {
                double angle = 2 * Math.PI * k * t / period;
                sin[t] = Math.Sin(angle);
                cos[t] = Math.Cos(angle);
            }

            Add(sin, LinearGroup.Seasonality, $"sin[{k}]", Model.SeasonalityPrior, yScale);
            Add(cos, LinearGroup.Seasonality, $"cos[{k}]", Model.SeasonalityPrior, yScale);
        }

        foreach (string control in Model.Controls)
        {
            int j = Data.ControlIndex(control);
            if (j < 0)
            {
                throw new ArgumentException($"data has no control column '{control}' (model.Controls); it has [{string.Join(", ", Data.ControlNames)}].", "data");
            }

            double[] z = Data.ControlArray(j);
            double zScale = 0;
            for (int t = 0; t < n; t++)
            {
                zScale = Math.Max(zScale, Math.Abs(z[t]));
            }

            if (zScale == 0)
            {
                throw new ArgumentException($"data: control '{control}' is zero in every fitted row; drop it from the model.", "data");
            }

            var column = new double[rows];
            for (int t = 0; t < rows; t++)
            {
                column[t] = z[t] / zScale;
            }

            Add(column, LinearGroup.Control, $"control[{control}]", Model.ControlPrior, yScale / zScale);
        }

        if (n < columns.Count + 2)
        {
            throw new ArgumentException($"data: {n} fitted rows are too few for {columns.Count} linear terms (need at least {columns.Count + 2}).", "data");
        }

        Columns = [.. columns];
        Groups = [.. groups];

        var channels = new List<ChannelTerm>();
        foreach (MediaMixChannel channel in Model.Channels)
        {
            int c;
            try
            {
                c = Data.ChannelIndex(channel.Name);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException($"data has no spend column '{channel.Name}' (model.Channels); it has [{string.Join(", ", Data.ChannelNames)}].", "data");
            }

            if (channel.Adstock == MediaMixAdstockKind.Delayed && Model.MaxLag < MediaMixModel.MinDelayedMaxLag)
            {
                throw new ArgumentException($"Channel '{channel.Name}': delayed adstock needs MaxLag ≥ 2; it is {Model.MaxLag}.", "model");
            }

            double[] x = Data.SpendArray(c);
            double xScale = 0;
            for (int t = 0; t < n; t++)
            {
                xScale = Math.Max(xScale, x[t]);
            }

            if (xScale == 0)
            {
                throw new ArgumentException($"data: channel '{channel.Name}' never spends in the fitted rows.", "data");
            }

            var scaled = new double[rows];
            double total = 0;
            for (int t = 0; t < rows; t++)
            {
                scaled[t] = x[t] / xScale;
                if (t < n)
                {
                    total += scaled[t];
                }
            }

            var term = new ChannelTerm
            {
                Name = channel.Name,
                Adstock = channel.Adstock,
                Saturation = channel.Saturation,
                Spend = scaled,
                SpendScale = xScale,
                ScaledSpendTotal = total,
                Offset = parameters.Count,
                RoasPrior = channel.RoasPrior,
            };
            foreach (string name in channel.ParameterNames)
            {
                var (_, support) = channel.Default(name);
                double dataScale = name switch
                {
                    MediaMixChannel.Beta => yScale,
                    "lambda" when channel.Saturation == ResponseCurveKind.Logistic => 1 / xScale,
                    "lambda" or "kappa" => xScale,
                    "theta" => Model.MaxLag - 1,
                    _ => 1,
                };
                parameters.Add(new ParameterInfo($"{channel.Name}.{name}", support, channel.PriorOf(name), dataScale));
            }

            channels.Add(term);
        }

        Channels = [.. channels];
        parameters.Add(new ParameterInfo("sigma", ParameterSupport.Positive, Model.SigmaPrior, yScale));
        Parameters = [.. parameters];

        var lifts = new List<LiftTerm>();
        for (int i = 0; i < Model.LiftTests.Count; i++)
        {
            LiftTest test = Model.LiftTests[i];
            int c = Array.FindIndex(Channels, ch => ch.Name == test.Channel);
            if (c < 0)
            {
                throw new ArgumentException($"LiftTests[{i}]: channel '{test.Channel}' is not a channel of the model.", "model");
            }

            int first = IndexOf(test.FirstPeriod);
            int last = IndexOf(test.LastPeriod);
            if (first < 0 || last < 0 || last < first || last >= n)
            {
                throw new ArgumentException($"LiftTests[{i}]: the window {test.FirstPeriod:yyyy-MM-dd} … {test.LastPeriod:yyyy-MM-dd} must be dates of the fitted rows, first ≤ last.", "model");
            }

            double[] x = Data.SpendArray(Data.ChannelIndex(test.Channel));
            for (int t = first; t <= last; t++)
            {
                if (x[t] + test.SpendChange < 0)
                {
                    throw new ArgumentException($"LiftTests[{i}]: spend {x[t]} + change {test.SpendChange} is negative in row {t} ({Data.Dates[t]:yyyy-MM-dd}).", "model");
                }
            }

            lifts.Add(new LiftTerm(c, first, last, test.SpendChange / Channels[c].SpendScale, test.Lift, test.StandardError));
        }

        LiftTests = [.. lifts];
    }

    private int IndexOf(DateOnly date)
    {
        for (int t = 0; t < Rows; t++)
        {
            if (Data.Dates[t] == date)
            {
                return t;
            }
        }

        return -1;
    }
}
