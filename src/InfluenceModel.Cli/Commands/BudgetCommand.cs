using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using InfluenceModel.Budgeting;
using InfluenceModel.Charts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>
/// `influence budget`: compares annual-fixed, reserve, rolling re-forecast and stochastic-knapsack policies on a plan
/// (common random numbers) and sweeps the reserve share (expected value with its band against reserve share).
/// </summary>
internal sealed class BudgetCommand(IAnsiConsole console) : Command<BudgetCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-i|--input <FILE>")]
        [Description("JSON budget plan (strategy, annualTotal, periods, reserveShare, channels, opportunities, hurdleRate, reforecastEvery, reserveSearch, seed); unknown properties are rejected. Example: https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/examples/budget-plan.json.")]
        public string? Input { get; init; }

        [CommandOption("-n|--simulations <N>")]
        [Description("Simulated years per policy and per reserve share (SimulationOptions.Simulations), 1 to 100,000,000.")]
        [DefaultValue(10_000)]
        public int Simulations { get; init; } = 10_000;

        [CommandOption("--seed <SEED>")]
        [Description("Random seed; the same seed gives the same numbers at any parallelism. Default: the plan's seed (0 when the plan has none).")]
        public ulong? Seed { get; init; }

        [CommandOption("--parallelism <N>")]
        [Description(CommonOptions.ParallelismDescription)]
        [DefaultValue(-1)]
        public int Parallelism { get; init; } = -1;

        [CommandOption("-f|--format <FORMAT>")]
        [Description(CommonOptions.FormatDescription)]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("-c|--chart <FILE>")]
        [Description("Also write the reserve chart (objective with its 95% band against reserve share) to this .png or .svg file.")]
        public string? Chart { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Input))
            {
                return ValidationResult.Error("--input <FILE> is required (see https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/examples/budget-plan.json).");
            }

            return (CommonOptions.CheckSimulations(Simulations) ?? CommonOptions.CheckParallelism(Parallelism) ?? CommonOptions.CheckFormat(Format)) is { } error
                ? ValidationResult.Error(error)
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ChartOption.Check(settings.Chart);
        var input = BudgetInput.Read(settings.Input!);
        (BudgetPlan plan, ReserveRequest reserveRequest) = input.ToRequests(settings.Input!);
        var options = new SimulationOptions { Simulations = settings.Simulations, Seed = settings.Seed ?? input.Seed, MaxDegreeOfParallelism = settings.Parallelism };
        BudgetPolicy[] policies =
        [
            new AnnualFixedPolicy(),
            new ReservePolicy(plan.ReserveShare, input.HurdleRate),
            new RollingReforecastPolicy(input.ReforecastEvery),
            new StochasticKnapsackPolicy(),
        ];
        var comparison = SamplingProgress.RunFraction(
            $"comparing {policies.Length} policies over {settings.Simulations:N0} years",
            progress => BudgetSimulator.Compare(new BudgetComparisonRequest { Plan = plan, Opportunities = input.Opportunities, Policies = policies }, options, progress, cancellationToken));
        var curve = SamplingProgress.RunFraction(
            $"sweeping {reserveRequest.Points} reserve shares",
            progress => ReserveOptimizer.Optimize(reserveRequest, options, progress, cancellationToken));

        // The chart is written (under a temporary name, then renamed) before anything is printed.
        using (var outputs = new OutputFiles())
        {
            if (settings.Chart is { } path)
            {
                ReserveChart.Save(curve, outputs.Stage(path), plan.Strategy.Kpi);
            }

            outputs.Commit(cancellationToken);
        }

        if (settings.Format == "json")
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(new BudgetReport(comparison, curve), BudgetInput.JsonOptions.GetTypeInfo(typeof(BudgetReport))));
        }
        else
        {
            WriteTables(plan, comparison, curve);
            if (settings.Chart is { } path)
            {
                console.WriteLine($"chart: {ErrorText.Escape(Path.GetFullPath(path))}");
            }
        }

        return CliApp.ExitOk;
    }

    private void WriteTables(BudgetPlan plan, BudgetComparison comparison, ReserveCurve curve)
    {
        var c = CultureInfo.InvariantCulture;
        console.MarkupLineInterpolated($"[bold]{plan.Strategy.Objective}[/] for {plan.Strategy.Audience}; values in {plan.Strategy.Kpi}. {comparison.Outcomes[0].Value.Count:N0} simulated years, common random numbers.");
        var table = new TextTable("policy", "reserve", "mean ± 95%", "P5", "P50", "P95", "CVaR5", "taken/yr", "unspent", "regret", "Δ vs first ± 95%");
        for (int k = 0; k < comparison.Outcomes.Count; k++)
        {
            var o = comparison.Outcomes[k];
            string delta = k == 0 ? "–" : PlusMinus(comparison.Differences[k - 1].Difference, c);
            table.AddRow(
                o.Policy,
                o.ReserveShare.ToString("P0", c),
                PlusMinus(o.Value, c),
                o.P5.ToString("N0", c),
                o.P50.ToString("N0", c),
                o.P95.ToString("N0", c),
                o.ConditionalValueAtRisk5.ToString("N0", c),
                o.OpportunitiesCaptured.Mean.ToString("N1", c),
                o.UnspentAtYearEnd.Mean.ToString("N0", c),
                o.RegretVsClairvoyant.Mean.ToString("N0", c),
                delta);
        }

        table.Write(console);
        // The sweep shows the objective with its band and the other figure once: the objective's own mean is not repeated.
        bool byMean = curve.Objective == ReserveObjective.Mean;
        string objective = byMean ? "expected value" : "CVaR 5%";
        var sweep = new TextTable("reserve share", objective + " ± 95%", byMean ? "CVaR5" : "mean");
        foreach (var point in curve.Points)
        {
            sweep.AddRow(
                point.ReserveShare.ToString("P1", c),
                PlusMinus(point.Objective, c),
                (byMean ? point.ConditionalValueAtRisk5.Mean : point.Mean.Mean).ToString("N0", c));
        }

        sweep.Write(console);
        console.MarkupLineInterpolated($"best reserve share ({objective}, reserve policy): [bold]{curve.BestShare.ToString("P1", c)}[/] → {curve.BestValue.Mean.ToString("N0", c)}");
    }

    /// <summary>"mean ± half-width of the 95% interval".</summary>
    private static string PlusMinus(Estimate estimate, CultureInfo c) =>
        string.Format(c, "{0:N0} ± {1:N0}", estimate.Mean, estimate.Interval95.Upper - estimate.Mean);
}
