using System.Globalization;
using System.Text.Json;
using InfluenceModel.MediaMix;
using Spectre.Console;

namespace InfluenceModel.Cli;

/// <summary>A posterior figure as the CLI prints it: mean, standard deviation and the 94% HDI, in data units.</summary>
internal sealed record Figure(double Mean, double Sd, double Hdi94Low, double Hdi94High)
{
    public static Figure From(MediaMixParameter p) => new(p.Mean, p.StandardDeviation, p.Hdi94Low, p.Hdi94High);

    public static Figure From(PosteriorInterval i) => new(i.Mean, i.StandardDeviation, i.Low, i.High);
}

/// <summary>One channel of the `mmm` report.</summary>
internal sealed record ChannelReport(string Name, Figure ContributionShare, Figure Roas, Figure MarginalRoas, IReadOnlyDictionary<string, Figure> Parameters);

/// <summary>Sampler diagnostics of the `mmm` report.</summary>
internal sealed record DiagnosticsReport(double MaxRhat, double MinEssBulk, int Divergences);

/// <summary>Fit quality of the `mmm` report: R² and MAPE (a fraction) of the posterior mean.</summary>
internal sealed record FitReport(double R2, double Mape);

/// <summary>
/// What `influence mmm` prints: the JSON object (channels, diagnostics, fit) and the 80-column table drawn from it,
/// so both formats show the same numbers.
/// </summary>
internal sealed record MmmReport(IReadOnlyList<ChannelReport> Channels, DiagnosticsReport Diagnostics, FitReport Fit)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true, TypeInfoResolver = CliJsonContext.Default };

    /// <summary>
    /// The report of <paramref name="fit"/>. Channel parameters are keyed "beta", "adstock" + the adstock's parameter
    /// ("adstockAlpha", "adstockTheta", "adstockShape", "adstockScale") and "saturation" + the curve's
    /// ("saturationLambda", "saturationKappa", "saturationSlope").
    /// </summary>
    public static MmmReport From(MediaMixFit fit)
    {
        var channels = new List<ChannelReport>();
        foreach (ChannelContribution c in fit.Channels)
        {
            var parameters = new Dictionary<string, Figure>(StringComparer.Ordinal);
            string prefix = c.Channel + ".";
            foreach (MediaMixParameter p in fit.Parameters)
            {
                if (p.Name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    parameters[Key(p.Name[prefix.Length..])] = Figure.From(p);
                }
            }

            channels.Add(new ChannelReport(c.Channel, Figure.From(c.Share), Figure.From(c.Roas), Figure.From(c.MarginalRoas), parameters));
        }

        MediaMixDiagnostics d = fit.Diagnostics ?? throw new InvalidOperationException("A NUTS fit has diagnostics.");
        return new MmmReport(channels, new DiagnosticsReport(d.MaxRhat, d.MinEssBulk, d.Divergences), new FitReport(fit.Quality.RSquared, fit.Quality.Mape));
    }

    /// <summary>The JSON key of a channel parameter: "beta", or its role ("adstock"/"saturation") + its name.</summary>
    internal static string Key(string parameter) => parameter switch
    {
        "beta" => "beta",
        "alpha" or "theta" or "shape" or "scale" => "adstock" + char.ToUpperInvariant(parameter[0]) + parameter[1..],
        _ => "saturation" + char.ToUpperInvariant(parameter[0]) + parameter[1..],
    };

    /// <summary>The table format: a header, one row per channel, its curve parameters, the diagnostics and the fit; fits 80 columns.</summary>
    public static void WriteTable(IAnsiConsole console, MmmReport report, MediaMixData data, Commands.MmmCommand.Settings settings)
    {
        var c = CultureInfo.InvariantCulture;
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", c);
        console.WriteLine(string.Create(c, $"Media mix: {settings.Kpi}, {report.Channels.Count} channel(s), {data.Periods} {data.Frequency.ToString().ToLowerInvariant()} rows ({Iso(data.Dates[0])} to {Iso(data.Dates[^1])})."));
        console.WriteLine(string.Create(c, $"Adstock {settings.Adstock} (max lag {settings.MaxLag}), saturation {settings.Saturation}, trend {settings.Trend}."));
        console.WriteLine(string.Create(c, $"Seasonality: {settings.Seasonality} Fourier pair(s). NUTS: {settings.Chains} chains × {settings.Draws} draws after {settings.Warmup} warm-up."));
        console.WriteLine(string.Create(c, $"Seed {settings.Seed}. Figures: posterior mean [94% HDI], in data units."));

        var table = new Table().AddColumns("channel", "share of KPI", "ROAS", "marginal ROAS");
        foreach (ChannelReport ch in report.Channels)
        {
            AddRow(table, ch.Name, Percent(ch.ContributionShare), Interval(ch.Roas), Interval(ch.MarginalRoas));
        }

        console.Write(table);
        var parameters = new Table().AddColumns("channel", "parameter", "mean", "sd", "94% HDI");
        foreach (ChannelReport ch in report.Channels)
        {
            foreach (var (name, f) in ch.Parameters)
            {
                AddRow(parameters, ch.Name, name, Number(f.Mean), Number(f.Sd), $"[{Number(f.Hdi94Low)}, {Number(f.Hdi94High)}]");
            }
        }

        console.Write(parameters);
        DiagnosticsReport d = report.Diagnostics;
        bool ok = d.MaxRhat < 1.01 && d.Divergences == 0 && d.MinEssBulk >= 100 * settings.Chains;
        console.WriteLine(string.Create(c, $"Diagnostics: max R-hat {d.MaxRhat:F3}, min bulk ESS {d.MinEssBulk:N0}, divergences {d.Divergences}."));
        if (!ok)
        {
            console.WriteLine("Check convergence: want R-hat < 1.01, bulk ESS ≥ 100 per chain, no divergences.");
        }

        console.WriteLine(string.Create(c, $"Fit: R² {report.Fit.R2:F3}, MAPE {report.Fit.Mape:P1}."));
    }

    /// <summary>"12.5% [10.5%, 14.5%]": a share in percent, one decimal, no space (fits the 80-column table).</summary>
    private static string Percent(Figure f) =>
        string.Create(CultureInfo.InvariantCulture, $"{100 * f.Mean:F1}% [{100 * f.Hdi94Low:F1}%, {100 * f.Hdi94High:F1}%]");

    /// <summary>"0.191 [0.029, 0.457]".</summary>
    private static string Interval(Figure f) => $"{Number(f.Mean)} [{Number(f.Hdi94Low)}, {Number(f.Hdi94High)}]";

    /// <summary>A figure in at most about six characters: 4,361; 42.1; 0.191; 0.029; 1.1E-04.</summary>
    internal static string Number(double x)
    {
        double a = Math.Abs(x);
        return a >= 100 ? x.ToString("N0", CultureInfo.InvariantCulture)
            : a >= 1 ? x.ToString("0.##", CultureInfo.InvariantCulture)
            : a >= 0.001 || a == 0 ? x.ToString("0.###", CultureInfo.InvariantCulture)
            : x.ToString("0.0E+00", CultureInfo.InvariantCulture);
    }

    /// <summary>Adds plain-text cells (no markup: intervals contain brackets).</summary>
    private static void AddRow(Table table, params string[] cells) =>
        table.AddRow(Array.ConvertAll(cells, cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)));
}
