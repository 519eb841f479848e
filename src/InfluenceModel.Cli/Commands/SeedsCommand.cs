using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Seeding;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>`influence seeds`: influence maximization (OPIM-C, IMM, CELF, heuristics) on an edge-list graph.</summary>
internal sealed class SeedsCommand(IAnsiConsole console) : Command<SeedsCommand.Settings>
{
    public sealed class Settings : GraphSettings
    {
        [CommandOption("-k|--count <K>")]
        [Description("Number of seeds, forced seeds included. With --costs, the most seeds accepted.")]
        [DefaultValue(50)]
        public int K { get; init; } = 50;

        [CommandOption("-m|--model <MODEL>")]
        [Description("Diffusion model: ic (independent cascade), lt (linear threshold) or kelman (compliance, identification, internalization; seeded by CELF greedy on Monte-Carlo spread, with no approximation guarantee: its spread is not known to be submodular).")]
        [DefaultValue("ic")]
        public string Model { get; init; } = "ic";

        [CommandOption("-p|--probability <CONVENTION>")]
        [Description(ProbabilityOption.Description)]
        [DefaultValue("wc")]
        public string Probability { get; init; } = "wc";

        [CommandOption("-e|--epsilon <EPS>")]
        [Description("Accuracy ε of the (1 − 1/e − ε) guarantee of OPIM-C and IMM, in (0, 1).")]
        [DefaultValue(0.1)]
        public double Epsilon { get; init; } = 0.1;

        [CommandOption("-a|--algorithm <NAME>")]
        [Description("opimc (OPIM-C; the default for ic and lt), imm (IMM), celf (CELF greedy on Monte-Carlo spread; the default and the only choice for kelman), maxdegree, degreediscount or pagerank.")]
        public string? Algorithm { get; init; }

        [CommandOption("-n|--simulations <N>")]
        [Description("Monte-Carlo simulations per spread evaluation of celf (and kelman), 1 to 100,000,000.")]
        [DefaultValue(10_000)]
        public int Simulations { get; init; } = 10_000;

        [CommandOption("--candidates <FILE>")]
        [Description("File of node ids that may be chosen (whitespace or newline separated), e.g. the employees.")]
        public string? Candidates { get; init; }

        [CommandOption("--forced <IDS>")]
        [Description("Comma-separated node ids that are always seeds (existing ambassadors).")]
        public string? Forced { get; init; }

        [CommandOption("--costs <FILE>")]
        [Description("File of 'id cost' lines (cost > 0). Every node that may be chosen (the --candidates, else every node) must be listed, unless --default-cost is given. Requires --budget.")]
        public string? Costs { get; init; }

        [CommandOption("--default-cost <MONEY>")]
        [Description("The cost of a node the --costs file does not list (> 0). Without it an unlisted node is an error: no silent cost.")]
        public double? DefaultCost { get; init; }

        [CommandOption("-b|--budget <MONEY>")]
        [Description("Budget for --costs (> 0).")]
        public double? Budget { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description(CommonOptions.SeedDescription)]
        [DefaultValue(0UL)]
        public ulong Seed { get; init; }

        [CommandOption("--parallelism <N>")]
        [Description(CommonOptions.ParallelismDescription)]
        [DefaultValue(-1)]
        public int Parallelism { get; init; } = -1;

        [CommandOption("--cluster <HOST:G>")]
        [Description("Run on the InfluenceModel Orleans cluster whose gateway is HOST:G (influence cluster silo); the same seeds as locally. The silos must see the graph's path.")]
        public string? Cluster { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description(CommonOptions.FormatDescription)]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        /// <summary>The algorithm asked for, or the model's default: celf for kelman, opimc otherwise.</summary>
        public string AlgorithmName => Algorithm ?? (Model == "kelman" ? "celf" : "opimc");

        protected override string? Check()
        {
            if (DiffusionModelOption.Check(Model) is { } model)
            {
                return model;
            }

            if (ParseAlgorithm(AlgorithmName) is not { } algorithm)
            {
                return $"--algorithm must be opimc, imm, celf, maxdegree, degreediscount or pagerank; it was '{Algorithm}'.";
            }

            if (Model == "kelman" && algorithm != SeedingAlgorithm.CelfGreedy)
            {
                return $"--model kelman is seeded by celf only (reverse-reachable sets, used by {AlgorithmName} and the heuristics' evaluation, exist for ic and lt); drop --algorithm or use --algorithm celf.";
            }

            if ((CommonOptions.CheckSimulations(Simulations) ?? CommonOptions.CheckParallelism(Parallelism)) is { } error)
            {
                return error;
            }

            if ((Costs is null) != (Budget is null))
            {
                return "--costs and --budget go together.";
            }

            if (DefaultCost is { } d && (Costs is null || !double.IsFinite(d) || d <= 0))
            {
                return Costs is null ? "--default-cost needs --costs." : $"--default-cost must be a finite number > 0; it was {d}.";
            }

            return CommonOptions.CheckFormat(Format);
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        EdgeProbabilities convention = ProbabilityOption.Parse(settings.Probability);
        SocialGraph graph = settings.LoadGraph(convention);
        DiffusionModel model = DiffusionModelOption.Create(settings.Model);
        int[]? candidates = settings.Candidates is null ? null : NodeIdsOption.Resolve(graph, ReadIds(settings.Candidates), "--candidates");
        int[] forced = settings.Forced is null ? [] : NodeIdsOption.Resolve(graph, settings.Forced.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), "--forced");
        var request = new SeedingRequest(graph, model, settings.K)
        {
            Epsilon = settings.Epsilon,
            Algorithm = ParseAlgorithm(settings.AlgorithmName)!.Value,
            Candidates = candidates,
            ForcedSeeds = forced,
            Costs = settings.Costs is null ? null : ReadCosts(graph, settings.Costs, candidates?.Concat(forced).ToArray(), settings.DefaultCost),
            Budget = settings.Budget,
        };
        var options = new SimulationOptions { Simulations = settings.Simulations, Seed = settings.Seed, MaxDegreeOfParallelism = settings.Parallelism };
        bool celf = request.Algorithm == SeedingAlgorithm.CelfGreedy;

        // CELF: a progress bar on stderr when it is a terminal. Kelman runs Monte Carlo per candidate first (minutes on
        // large graphs); IC and LT bound every candidate on the shared live-edge samples first (one pass per sample).
        Func<IProgress<ProgressReport>?, SeedSelection> select = progress => InfluenceMaximizer.Select(request, options, progress, cancellationToken);
        ClusterReport? clusterReport = null;
        if (settings.Cluster is { } cluster)
        {
#if NATIVE_AOT
            throw new CliInputException(CommonOptions.ClusterNotInNativeBuild);
#else
            var input = Cluster.ClusterInput.Of(settings.Graph!, convention, settings.Undirected);
            select = progress => Cluster.ClusterRunner.Select(cluster, input, request, options, progress, r => clusterReport = r, cancellationToken);
#endif
        }

        bool perCandidate = settings.Model == "kelman";
        var result = celf
            ? SamplingProgress.Run(
                perCandidate ? "CELF: evaluating candidates, then choosing seeds" : "CELF: bounding on live-edge samples, then choosing seeds",
                (perCandidate ? graph.NodeCount : (long)settings.Simulations) + settings.K,
                select)
            : SamplingProgress.RunFraction($"choosing {settings.K} seeds", select);
        Estimate spread = result.Spread;
        if (settings.Format == "json")
        {
            var report = new SeedsReport
            {
                Graph = settings.Graph,
                Nodes = graph.NodeCount,
                Arcs = graph.EdgeCount,
                Model = model.Name,
                Probability = convention.Name,
                Algorithm = AlgorithmName(result.Algorithm),
                Epsilon = UsesRrSets(result.Algorithm) ? settings.Epsilon : null,
                Seeds = result.SeedIds,
                MarginalGains = result.MarginalGains,
                EstimatedSpread = spread.Mean,
                StandardError = spread.StandardError,
                Interval95 = IntervalReport.From(spread.Interval95),
                ApproximationGuarantee = UsesRrSets(result.Algorithm) ? result.ApproximationGuarantee : null,
                RrSetCount = UsesRrSets(result.Algorithm) ? result.RrSetCount : null,
                TotalCost = result.TotalCost,
                ElapsedSeconds = result.Elapsed.TotalSeconds,
                Seed = settings.Seed,
                Cluster = clusterReport,
            };
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(report, CliJsonContext.Default.SeedsReport));
            return CliApp.ExitOk;
        }

        var summary = new TextTable("quantity", "value");
        summary.AddRow("graph", $"{settings.Graph} ({GraphInput.Describe(graph)})");
        summary.AddRow("model", $"{model.Name}, {convention.Name}");
        // Only the figures that apply: ε and RR sets belong to OPIM-C and IMM; a guarantee is printed only when there is one.
        summary.AddRow("algorithm", celf
            ? settings.Model == "kelman"
                ? string.Create(CultureInfo.InvariantCulture, $"CELF greedy on Monte-Carlo spread, {settings.Simulations:N0} simulations per evaluation (no approximation guarantee for kelman: its spread is not known to be submodular)")
                : string.Create(CultureInfo.InvariantCulture, $"CELF greedy on Monte-Carlo spread, {settings.Simulations:N0} shared live-edge samples per evaluation")
            : UsesRrSets(result.Algorithm)
                ? $"{AlgorithmName(result.Algorithm)}, ε = {settings.Epsilon.ToString(CultureInfo.InvariantCulture)}"
                : AlgorithmName(result.Algorithm));
        summary.AddRow("expected spread", string.Create(CultureInfo.InvariantCulture, $"{spread.Mean:N1} ± {spread.StandardError:N1}"));
        summary.AddRow("95% interval", string.Create(CultureInfo.InvariantCulture, $"[{spread.Interval95.Lower:N1}, {spread.Interval95.Upper:N1}]"));
        if (UsesRrSets(result.Algorithm))
        {
            summary.AddRow("approximation guarantee", result.ApproximationGuarantee.ToString("0.000", CultureInfo.InvariantCulture));
            summary.AddRow("RR sets", result.RrSetCount.ToString("N0", CultureInfo.InvariantCulture));
        }
        if (result.TotalCost is { } cost)
        {
            summary.AddRow("total cost", string.Create(CultureInfo.InvariantCulture, $"{cost:N2} of {settings.Budget:N2}"));
        }

        summary.AddRow("time", string.Create(CultureInfo.InvariantCulture, $"{result.Elapsed.TotalSeconds:N3} s"));
        if (clusterReport is { } c)
        {
            summary.AddRow("cluster greedy rounds", string.Create(CultureInfo.InvariantCulture, $"{c.GreedyRounds:N0}, {c.BytesPerGreedyRound:N0} bytes per round (max {c.MaxGreedyRoundBytes:N0}), {c.Partitions} partitions"));
            summary.AddRow("cluster coverage starts", string.Create(CultureInfo.InvariantCulture, $"{c.CoverageStarts:N0}, {c.CoverageStartBytes:N0} bytes"));
            foreach (var silo in c.Silos)
            {
                summary.AddRow($"RR sets on {silo.Silo}", string.Create(CultureInfo.InvariantCulture, $"{silo.RrSets:N0} sets, {silo.Entries:N0} entries, {silo.RrSetBytes / 1048576.0:N1} MiB"));
            }
        }

        summary.Write(console);
        var seeds = new TextTable("#", "seed id", "marginal gain");
        for (int i = 0; i < result.Seeds.Count; i++)
        {
            seeds.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), result.SeedIds[i], result.MarginalGains[i].ToString("N2", CultureInfo.InvariantCulture));
        }

        seeds.Write(console);
        return CliApp.ExitOk;
    }

    /// <summary>The algorithm's proper name, as its paper writes it.</summary>
    internal static string AlgorithmName(SeedingAlgorithm algorithm) => algorithm switch
    {
        SeedingAlgorithm.Opimc => "OPIM-C",
        SeedingAlgorithm.Imm => "IMM",
        SeedingAlgorithm.CelfGreedy => "CELF",
        SeedingAlgorithm.MaxDegree => "max degree",
        SeedingAlgorithm.DegreeDiscount => "degree discount",
        SeedingAlgorithm.PageRank => "PageRank",
        _ => algorithm.ToString(),
    };

    /// <summary>
    /// Whether the algorithm samples reverse-reachable sets, and so has an ε, an RR-set count and a (1 − 1/e − ε)-type
    /// guarantee that holds with high probability. CELF's 1 − 1/e assumes exact spreads, which its Monte-Carlo estimates
    /// are not, and the heuristics have none: for them no such figure is printed.
    /// </summary>
    internal static bool UsesRrSets(SeedingAlgorithm algorithm) => algorithm is SeedingAlgorithm.Opimc or SeedingAlgorithm.Imm;

    internal static SeedingAlgorithm? ParseAlgorithm(string name) => name switch
    {
        "opimc" => SeedingAlgorithm.Opimc,
        "imm" => SeedingAlgorithm.Imm,
        "celf" => SeedingAlgorithm.CelfGreedy,
        "maxdegree" => SeedingAlgorithm.MaxDegree,
        "degreediscount" => SeedingAlgorithm.DegreeDiscount,
        "pagerank" => SeedingAlgorithm.PageRank,
        _ => null,
    };

    private static string[] ReadIds(string path) =>
        InputFile.ReadText(path, "--candidates").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The cost of every node: as listed, else <paramref name="defaultCost"/>; without one, a node that may be chosen
    /// (a candidate, or any node when there are no candidates) and is not listed is an error — an unlisted node must
    /// not silently cost 1 and so become the cheapest choice.
    /// </summary>
    private static double[] ReadCosts(SocialGraph graph, string path, int[]? candidates, double? defaultCost)
    {
        var costs = Enumerable.Repeat(defaultCost ?? double.NaN, graph.NodeCount).ToArray();
        int lineNumber = 0;
        foreach (string line in InputFile.ReadText(path, "--costs").Split('\n').Select(l => l.TrimEnd('\r')))
        {
            lineNumber++;
            string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 0 || fields[0].StartsWith('#'))
            {
                continue;
            }

            if (fields.Length != 2 || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double cost) || !(cost > 0) || !double.IsFinite(cost))
            {
                throw new CliInputException($"--costs {path}, line {lineNumber}: expected 'id cost' with a finite cost > 0; it was '{line}'.");
            }

            costs[NodeIdsOption.Resolve(graph, [fields[0]], "--costs")[0]] = cost;
        }

        if (defaultCost is null)
        {
            IEnumerable<int> choosable = candidates ?? Enumerable.Range(0, graph.NodeCount);
            int[] unlisted = [.. choosable.Where(v => double.IsNaN(costs[v]))];
            if (unlisted.Length > 0)
            {
                throw new CliInputException(
                    $"--costs {path} lists no cost for {unlisted.Length:N0} node(s) that may be chosen (first: '{graph.NodeId(unlisted[0])}'); list every {(candidates is null ? "node" : "candidate")}, or give --default-cost.");
            }

            // Nodes that can never be chosen (not candidates) need no cost; the library still wants a finite one.
            for (int v = 0; v < costs.Length; v++)
            {
                if (double.IsNaN(costs[v]))
                {
                    costs[v] = NumericLimits.MaxAmount; // the largest cost the library accepts
                }
            }
        }

        return costs;
    }
}
