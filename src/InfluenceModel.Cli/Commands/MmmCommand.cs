using InfluenceModel.Channels;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using InfluenceModel.Charts;
using InfluenceModel.Inference;
using InfluenceModel.MediaMix;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>
/// `influence mmm`: fits a Bayesian media-mix model to a CSV table (date, KPI, spend per channel, controls) by NUTS and
/// reports each channel's contribution share, ROAS and marginal ROAS with 94% HDIs, the fitted curve parameters, the
/// sampler diagnostics and the fit quality; `--out` also writes the charts.
/// </summary>
internal sealed class MmmCommand(IAnsiConsole console) : Command<MmmCommand.Settings>
{
    /// <summary>The allowed values of the choice options, as typed on the command line.</summary>
    private static readonly string[] Trends = ["none", "linear"];
    private static readonly string[] Adstocks = ["geometric", "delayed", "weibull-cdf", "weibull-pdf"];
    private static readonly string[] Saturations = ["logistic", "hill", "michaelis-menten"];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("-i|--input <FILE>")]
        [Description("CSV table with a header row: one row per week (or day), ISO dates yyyy-MM-dd, numbers with '.' as the decimal point. Required. Example: https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/examples/media-mix.csv.")]
        public string? Input { get; init; }

        [CommandOption("--date <COLUMN>")]
        [Description("Name of the date column. Required.")]
        public string? Date { get; init; }

        [CommandOption("--kpi <COLUMN>")]
        [Description("Name of the KPI column (sales, sign-ups …). Required.")]
        public string? Kpi { get; init; }

        [CommandOption("--channels <COLUMNS>")]
        [Description("Comma-separated spend columns, one per paid channel (money per period, ≥ 0). Required.")]
        public string? Channels { get; init; }

        [CommandOption("--controls <COLUMNS>")]
        [Description("Comma-separated control columns (price, holidays …). Default: none.")]
        public string? Controls { get; init; }

        [CommandOption("--seasonality <N>")]
        [Description("Fourier pairs of the yearly season, 0 to 20.")]
        [DefaultValue(2)]
        public int Seasonality { get; init; } = 2;

        [CommandOption("--trend <TREND>")]
        [Description("none or linear.")]
        [DefaultValue("none")]
        public string Trend { get; init; } = "none";

        [CommandOption("--adstock <KIND>")]
        [Description("Carry-over of every channel: geometric, delayed, weibull-cdf or weibull-pdf.")]
        [DefaultValue("geometric")]
        public string Adstock { get; init; } = "geometric";

        [CommandOption("--saturation <KIND>")]
        [Description("Response-curve shape of every channel: logistic, hill or michaelis-menten.")]
        [DefaultValue("logistic")]
        public string Saturation { get; init; } = "logistic";

        [CommandOption("--max-lag <L>")]
        [Description("Adstock lag weights (periods), 1 to 104 (delayed: ≥ 2).")]
        [DefaultValue(8)]
        public int MaxLag { get; init; } = 8;

        [CommandOption("--chains <N>")]
        [Description("NUTS chains, 1 to 1024 (R-hat needs ≥ 2).")]
        [DefaultValue(4)]
        public int Chains { get; init; } = 4;

        [CommandOption("--warmup <N>")]
        [Description("Warm-up iterations per chain, discarded, 0 to 1000000.")]
        [DefaultValue(1000)]
        public int Warmup { get; init; } = 1000;

        [CommandOption("--draws <N>")]
        [Description("Kept draws per chain, 4 to 1000000.")]
        [DefaultValue(1000)]
        public int Draws { get; init; } = 1000;

        [CommandOption("--seed <SEED>")]
        [Description(CommonOptions.SeedDescription)]
        [DefaultValue(0UL)]
        public ulong Seed { get; init; }

        [CommandOption("--parallelism <N>")]
        [Description(CommonOptions.ParallelismDescription + " Chains run in parallel.")]
        [DefaultValue(-1)]
        public int Parallelism { get; init; } = -1;

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table or json (one object on stdout: channels, diagnostics, fit).")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("-o|--out <DIR>")]
        [Description("Also write the charts here (decomposition.png, response-curves.png, fit.png, roas.png); checked for writing before the fit.")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            string? error = Required(Input, "--input <FILE>") ?? Required(Date, "--date <COLUMN>") ?? Required(Kpi, "--kpi <COLUMN>")
                ?? Required(Channels, "--channels <COLUMNS>")
                ?? (List(Channels!).Length == 0 ? "--channels must name at least one column (comma-separated)." : null)
                ?? OneOf(Trend, "--trend", Trends) ?? OneOf(Adstock, "--adstock", Adstocks) ?? OneOf(Saturation, "--saturation", Saturations)
                ?? OneOf(Format, "--format", ["table", "json"])
                ?? InRange(Seasonality, "--seasonality", 0, MediaMixModel.MaxSeasonalityPairs)
                ?? InRange(MaxLag, "--max-lag", Adstock == "delayed" ? MediaMixModel.MinDelayedMaxLag : 1, MediaMixModel.MaxLagLimit)
                ?? CommonOptions.CheckParallelism(Parallelism) ?? InRange(Chains, "--chains", 1, NutsOptions.MaxChains)
                ?? InRange(Warmup, "--warmup", 0, NutsOptions.MaxWarmup) ?? InRange(Draws, "--draws", NutsOptions.MinDraws, NutsOptions.MaxDraws);
            return error is null ? ValidationResult.Success() : ValidationResult.Error(error);
        }

        private static string? Required(string? value, string option) =>
            string.IsNullOrWhiteSpace(value) ? $"{option} is required." : null;

        private static string? OneOf(string value, string option, string[] allowed) =>
            Array.IndexOf(allowed, value) >= 0 ? null : $"{option} must be {string.Join(", ", allowed[..^1])} or {allowed[^1]}; it was '{value}'.";

        private static string? InRange(int value, string option, int min, int max) =>
            value >= min && value <= max ? null : $"{option} must be in [{min}, {max}]; it was {value}.";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string[] channels = List(settings.Channels!);
        string[] controls = settings.Controls is null ? [] : List(settings.Controls);
        string? outDir = settings.Out is null ? null : OutputFiles.CheckFolder(settings.Out, "--out", [.. ChartFiles.Select(c => c.Name)]);
        MediaMixData data = ReadData(settings, channels, controls);

        var model = new MediaMixModel
        {
            Channels = [.. channels.Select(name => new MediaMixChannel { Name = name, Adstock = AdstockOf(settings.Adstock), Saturation = SaturationOf(settings.Saturation) })],
            Controls = controls,
            MaxLag = settings.MaxLag,
            SeasonalityPairs = settings.Seasonality,
            Trend = settings.Trend == "linear" ? TrendKind.Linear : TrendKind.None,
        };
        var options = new MediaMixFitOptions
        {
            Nuts = new NutsOptions { Chains = settings.Chains, Warmup = settings.Warmup, Draws = settings.Draws, Seed = settings.Seed, MaxDegreeOfParallelism = settings.Parallelism },
        };
        MediaMixFit fit = SamplingProgress.Run(
            $"{settings.Chains} chains × ({settings.Warmup} warm-up + {settings.Draws} draws)",
            (long)settings.Chains * (settings.Warmup + settings.Draws),
            progress => model.Fit(data, options, progress, cancellationToken));

        MmmReport report = MmmReport.From(fit);
        if (settings.Format == "json")
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, MmmReport.JsonOptions.GetTypeInfo(typeof(MmmReport))));
        }
        else
        {
            MmmReport.WriteTable(console, report, data, settings);
        }

        if (outDir is not null)
        {
            // Every chart under a temporary name first; renamed only when all four are written.
            using (var outputs = new OutputFiles())
            {
                foreach ((string name, Func<MediaMixFit, string, ScottPlot.Plot> create) in ChartFiles)
                {
                    ChartFile.Save(create(fit, settings.Kpi!), outputs.Stage(Path.Combine(outDir, name)));
                }

                outputs.Commit(cancellationToken);
            }

            if (settings.Format == "table")
            {
                foreach ((string name, _) in ChartFiles)
                {
                    console.WriteLine($"chart: {ErrorText.Escape(Path.Combine(outDir, name))}");
                }
            }
        }

        return CliApp.ExitOk;
    }

    /// <summary>The charts `--out` gets (the files <see cref="MediaMixCharts.SaveAll"/> writes).</summary>
    private static readonly (string Name, Func<MediaMixFit, string, ScottPlot.Plot> Create)[] ChartFiles =
    [
        ("decomposition.png", (fit, kpi) => MediaMixCharts.Decomposition(fit, kpi)),
        ("response-curves.png", (fit, kpi) => MediaMixCharts.ResponseCurves(fit, kpi)),
        ("fit.png", (fit, kpi) => MediaMixCharts.FittedVsActual(fit, kpi)),
        ("roas.png", (fit, _) => MediaMixCharts.RoasForest(fit)),
    ];

    /// <summary>The comma-separated names of a list option, blanks dropped.</summary>
    internal static string[] List(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Reads the CSV; a column the file lacks is reported against the option that named it.</summary>
    private static MediaMixData ReadData(Settings settings, string[] channels, string[] controls)
    {
        if (!File.Exists(settings.Input))
        {
            throw new CliInputException($"--input: file '{settings.Input}' was not found.");
        }

        try
        {
            return MediaMixCsv.Read(settings.Input!, settings.Date!, settings.Kpi!, channels, controls);
        }
        catch (ArgumentException ex) when (ex.ParamName is "dateColumn" or "kpiColumn" or "channelColumns" or "controlColumns")
        {
            string option = ex.ParamName switch
            {
                "dateColumn" => "--date",
                "kpiColumn" => "--kpi",
                "channelColumns" => "--channels",
                _ => "--controls",
            };
            throw new CliInputException($"{option}: {Unsuffixed(ex)}");
        }
        catch (FormatException ex)
        {
            throw new CliInputException($"--input '{settings.Input}': {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException($"--input '{settings.Input}': {Unsuffixed(ex)}");
        }
    }

    /// <summary>The message of an <see cref="ArgumentException"/> without the runtime's " (Parameter 'x')" suffix.</summary>
    private static string Unsuffixed(ArgumentException ex)
    {
        string message = ex.Message;
        string suffix = $" (Parameter '{ex.ParamName}')";
        return ex.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }

    private static MediaMixAdstockKind AdstockOf(string text) => text switch
    {
        "delayed" => MediaMixAdstockKind.Delayed,
        "weibull-cdf" => MediaMixAdstockKind.WeibullCdf,
        "weibull-pdf" => MediaMixAdstockKind.WeibullPdf,
        _ => MediaMixAdstockKind.Geometric,
    };

    private static ResponseCurveKind SaturationOf(string text) => text switch
    {
        "hill" => ResponseCurveKind.Hill,
        "michaelis-menten" => ResponseCurveKind.MichaelisMenten,
        _ => ResponseCurveKind.Logistic,
    };
}
