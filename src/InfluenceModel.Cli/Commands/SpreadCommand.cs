using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>`influence spread`: Monte-Carlo expected spread of a seed set on an edge-list graph under IC, LT or Kelman.</summary>
internal sealed class SpreadCommand(IAnsiConsole console) : Command<SpreadCommand.Settings>
{
    public sealed class Settings : GraphSettings
    {
        [CommandOption("-s|--seed-nodes <IDS>")]
        [Description("Comma-separated seed node ids, as written in the graph file (e.g. 1,2,3). Required.")]
        public string? SeedNodes { get; init; }

        [CommandOption("-m|--model <MODEL>")]
        [Description("Diffusion model: ic (independent cascade), lt (linear threshold) or kelman (compliance, identification, internalization, the model's standard parameters; without node groups in the graph it equals lt).")]
        [DefaultValue("ic")]
        public string Model { get; init; } = "ic";

        [CommandOption("-p|--probability <CONVENTION>")]
        [Description(ProbabilityOption.Description)]
        [DefaultValue("wc")]
        public string Probability { get; init; } = "wc";

        [CommandOption("-n|--simulations <N>")]
        [Description("Monte-Carlo simulations, 1 to 100,000,000.")]
        [DefaultValue(10_000)]
        public int Simulations { get; init; } = 10_000;

        [CommandOption("--seed <SEED>")]
        [Description(CommonOptions.SeedDescription)]
        [DefaultValue(0UL)]
        public ulong Seed { get; init; }

        [CommandOption("--parallelism <N>")]
        [Description(CommonOptions.ParallelismDescription)]
        [DefaultValue(-1)]
        public int Parallelism { get; init; } = -1;

        [CommandOption("--cluster <HOST:G>")]
        [Description("Run on the InfluenceModel Orleans cluster whose gateway is HOST:G (influence cluster silo); the same estimate as locally. The silos must see the graph's path.")]
        public string? Cluster { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description(CommonOptions.FormatDescription)]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        protected override string? Check() =>
            string.IsNullOrWhiteSpace(SeedNodes) || SeedIds(SeedNodes).Length == 0
                ? "--seed-nodes is required (comma-separated node ids of the graph file)."
                : CommonOptions.CheckSimulations(Simulations) ?? CommonOptions.CheckParallelism(Parallelism)
                    ?? DiffusionModelOption.Check(Model) ?? CommonOptions.CheckFormat(Format);
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        EdgeProbabilities convention = ProbabilityOption.Parse(settings.Probability);
        var options = new SimulationOptions { Simulations = settings.Simulations, Seed = settings.Seed, MaxDegreeOfParallelism = settings.Parallelism };
        SocialGraph graph = settings.LoadGraph(convention);
        int[] seeds = NodeIdsOption.Resolve(graph, SeedIds(settings.SeedNodes!), "--seed-nodes");

        DiffusionModel model = DiffusionModelOption.Create(settings.Model);
        if (model is KelmanInfluence && !graph.HasGroups)
        {
            CliApp.Error.WriteLine("note: the graph has no node groups (segments: give a GraphML/GML file with a segment attribute, or --nodes with a segment column), so the Kelman model's identification process (same-group weighting) has no effect here.");
        }

        var request = new SpreadRequest(graph, model, seeds);
        Func<IProgress<ProgressReport>?, SpreadEstimate> estimateSpread = progress => SpreadEstimator.Estimate(request, options, progress, cancellationToken);
        if (settings.Cluster is { } cluster)
        {
#if NATIVE_AOT
            throw new CliInputException(CommonOptions.ClusterNotInNativeBuild);
#else
            var input = Cluster.ClusterInput.Of(settings.Graph!, convention, settings.Undirected);
            estimateSpread = progress => Cluster.ClusterRunner.Estimate(cluster, input, request, options, progress, cancellationToken);
#endif
        }

        var estimate = SamplingProgress.RunFraction($"{settings.Simulations:N0} simulations", estimateSpread);
        Estimate spread = estimate.Spread;
        string[] seedIds = [.. seeds.Select(graph.NodeId)];
        if (settings.Format == "json")
        {
            var report = new SpreadReport
            {
                Graph = settings.Graph,
                Nodes = graph.NodeCount,
                Arcs = graph.EdgeCount,
                Model = estimate.Model,
                Probability = convention.Name,
                Seeds = seedIds,
                Mean = spread.Mean,
                StandardError = spread.StandardError,
                Interval95 = IntervalReport.From(spread.Interval95),
                Simulations = spread.Count,
                Seed = settings.Seed,
            };
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.SpreadReport));
            return CliApp.ExitOk;
        }

        var table = new TextTable("quantity", "value");
        table.AddRow("graph", $"{settings.Graph} ({GraphInput.Describe(graph)})");
        table.AddRow("model", $"{estimate.Model}, {convention.Name}");
        table.AddRow("seed nodes", string.Join(' ', seedIds));
        table.AddRow("expected spread", spread.Mean.ToString("N2", CultureInfo.InvariantCulture));
        table.AddRow("standard error", spread.StandardError.ToString("N2", CultureInfo.InvariantCulture));
        table.AddRow("95% interval", string.Create(CultureInfo.InvariantCulture, $"[{spread.Interval95.Lower:N2}, {spread.Interval95.Upper:N2}]"));
        table.AddRow("simulations", spread.Count.ToString("N0", CultureInfo.InvariantCulture));
        table.Write(console);
        return CliApp.ExitOk;
    }

    /// <summary>The comma-separated ids of <c>--seed-nodes</c>, blanks dropped.</summary>
    private static string[] SeedIds(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
