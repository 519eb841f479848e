using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using InfluenceModel.Charts;
using InfluenceModel.Internal;
using InfluenceModel.Networks;
using InfluenceModel.Opinions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>
/// `influence opinion`: opinion dynamics (DeGroot, Friedkin–Johnsen, Hegselmann–Krause, Deffuant–Weisbuch, voter, majority
/// rule) and word of mouth (SIR, SIS) on a graph file, with the trajectory as a table, JSON and a chart.
/// </summary>
internal sealed class OpinionCommand(IAnsiConsole console) : Command<OpinionCommand.Settings>
{
    /// <summary>The model names, as <see cref="OpinionModel.Name"/> gives them.</summary>
    public const string Models = "degroot, fj, hk, deffuant, voter, majority, sir or sis";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("-g|--graph <FILE>")]
        [Description("Edge list (one 'u v' or 'u v w' per line, '#'/'%' comments, .gz allowed), a GraphML (.graphml, .graphml.gz) or GML (.gml, .gml.gz) file with node attributes, or a binary graph file from 'graph convert'. An arc u v means u influences (tells) v. Required.")]
        public string? Graph { get; init; }

        [CommandOption("--nodes <FILE>")]
        [Description(NodesOption.Description)]
        public string? Nodes { get; init; }

        [CommandOption("--segment-attribute <NAME>")]
        [Description("The node attribute (GraphML/GML) or --nodes column whose values are the segments (any string or number attribute); default 'segment'. The final values are summarised by segment.")]
        public string? SegmentAttribute { get; init; }

        [CommandOption("--undirected")]
        [Description("Read every line of an edge list as an undirected tie (both arcs).")]
        public bool Undirected { get; init; }

        [CommandOption("-m|--model <MODEL>")]
        [Description("The opinion model: degroot, fj (Friedkin–Johnsen), hk (Hegselmann–Krause), deffuant (Deffuant–Weisbuch), voter, majority (majority rule), sir or sis (word of mouth). Required.")]
        public string? Model { get; init; }

        [CommandOption("-p|--probability <CONVENTION>")]
        [Description("Arc weights (trust, row-normalised, for degroot, fj, hk and deffuant; each arc's own telling probability for sir and sis with --per-arc; the other models ignore them): wc (weighted cascade 1/indeg), uniform:P, trivalency, or weights (the file's own).")]
        [DefaultValue("wc")]
        public string Probability { get; init; } = "wc";

        [CommandOption("--initial <SPEC>")]
        [Description("Initial opinions: uniform (random in [[0, 1]]; the default for continuous models), share:P (each node holds 1 with probability P; default share:0.5 for voter and majority) or property:NAME (a numeric node attribute of the graph file or --nodes table; every node needs a value). sir and sis start from --seed-nodes instead.")]
        public string? Initial { get; init; }

        [CommandOption("-s|--seed-nodes <IDS>")]
        [Description("Comma-separated node ids that start telling (sir, sis; required there) or hold opinion 1 (voter, majority; the others hold 0).")]
        public string? SeedNodes { get; init; }

        [CommandOption("--self-weight <A>")]
        [Description("degroot: weight a node keeps on its own opinion, in [[0, 1); default 0.")]
        public double? SelfWeight { get; init; }

        [CommandOption("--stubbornness <S>")]
        [Description("fj: weight s on the node's initial opinion, in [[0, 1]]; default 0.5.")]
        public double? Stubbornness { get; init; }

        [CommandOption("--confidence <EPS>")]
        [Description("hk, deffuant: confidence bound ε, in (0, 1]]; default 0.2.")]
        public double? Confidence { get; init; }

        [CommandOption("--convergence <MU>")]
        [Description("deffuant: convergence parameter μ, in (0, 0.5]]; default 0.5.")]
        public double? Convergence { get; init; }

        [CommandOption("--group-size <G>")]
        [Description("majority: size of each discussion group, odd, 3 to 101; default 3.")]
        public int? GroupSize { get; init; }

        [CommandOption("--transmission <BETA>")]
        [Description("sir, sis: probability per period that a telling node tells a given susceptible out-neighbour, in [[0, 1]]; default 0.1.")]
        public double? Transmission { get; init; }

        [CommandOption("--per-arc")]
        [Description("sir, sis: each arc tells with its own --probability weight instead of one --transmission for every arc (sir with --recovery 1 is then IC on the same weights).")]
        public bool PerArc { get; init; }

        [CommandOption("--recovery <GAMMA>")]
        [Description("sir, sis: probability per period that a telling node stops (sir) or lapses (sis), in (0, 1]]; default 0.5.")]
        public double? Recovery { get; init; }

        [CommandOption("--max-periods <T>")]
        [Description("Longest run, in periods, 1 to 100,000.")]
        [DefaultValue(1000)]
        public int MaxPeriods { get; init; } = 1000;

        [CommandOption("-n|--simulations <N>")]
        [Description("Monte-Carlo runs of a stochastic model (deffuant, voter, majority, sir, sis), 1 to 100,000,000; degroot, fj and hk are deterministic and run once.")]
        [DefaultValue(1000)]
        public int Simulations { get; init; } = 1000;

        [CommandOption("--seed <SEED>")]
        [Description(CommonOptions.SeedDescription)]
        [DefaultValue(0UL)]
        public ulong Seed { get; init; }

        [CommandOption("--parallelism <N>")]
        [Description(CommonOptions.ParallelismDescription)]
        [DefaultValue(-1)]
        public int Parallelism { get; init; } = -1;

        [CommandOption("-f|--format <FORMAT>")]
        [Description(CommonOptions.FormatDescription)]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("-o|--out <FOLDER>")]
        [Description("Also write opinion.json (the JSON of --format json) to this folder.")]
        public string? Out { get; init; }

        [CommandOption("-c|--chart <FILE>")]
        [Description("Also write the chart (mean opinion with the lowest-to-highest band, or the share in each state, over the periods) to this .png or .svg file.")]
        public string? Chart { get; init; }

        public override ValidationResult Validate()
        {
            if (GraphSettings.CheckGraph(Graph) is { } graph)
            {
                return ValidationResult.Error(graph);
            }

            if (Model is not ("degroot" or "fj" or "hk" or "deffuant" or "voter" or "majority" or "sir" or "sis"))
            {
                return ValidationResult.Error(Model is null ? $"--model is required: {Models}." : $"--model must be {Models}; it was '{ErrorText.Escape(Model)}'.");
            }

            if ((CommonOptions.CheckSimulations(Simulations) ?? CommonOptions.CheckParallelism(Parallelism)) is { } error)
            {
                return ValidationResult.Error(error);
            }

            if (SegmentAttribute is not null && string.IsNullOrWhiteSpace(SegmentAttribute))
            {
                return ValidationResult.Error("--segment-attribute must be a non-empty attribute name.");
            }

            if (MaxPeriods is < 1 or > 100_000)
            {
                return ValidationResult.Error($"--max-periods must be 1 to 100,000; it was {MaxPeriods}.");
            }

            if (Misplaced() is { } misplaced)
            {
                return ValidationResult.Error(misplaced);
            }

            return CommonOptions.CheckFormat(Format, escape: true) is { } format
                ? ValidationResult.Error(format)
                : ValidationResult.Success();
        }

        /// <summary>A model parameter given for a model that has no such parameter, else null.</summary>
        private string? Misplaced()
        {
            (string Option, bool Given, string[] Models)[] parameters =
            [
                ("--self-weight", SelfWeight is not null, ["degroot"]),
                ("--stubbornness", Stubbornness is not null, ["fj"]),
                ("--confidence", Confidence is not null, ["hk", "deffuant"]),
                ("--convergence", Convergence is not null, ["deffuant"]),
                ("--group-size", GroupSize is not null, ["majority"]),
                ("--transmission", Transmission is not null, ["sir", "sis"]),
                ("--recovery", Recovery is not null, ["sir", "sis"]),
                ("--per-arc", PerArc, ["sir", "sis"]),
                ("--seed-nodes", SeedNodes is not null, ["voter", "majority", "sir", "sis"]),
            ];
            foreach ((string option, bool given, string[] models) in parameters)
            {
                if (given && !models.Contains(Model))
                {
                    return $"{option} applies to {string.Join(" and ", models)}, not to --model {Model}.";
                }
            }

            return PerArc && Transmission is not null
                ? "--per-arc and --transmission exclude each other: with --per-arc each arc tells with its --probability weight."
                : null;
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ChartOption.Check(settings.Chart);
        string? outFolder = settings.Out is null ? null : OutputFiles.CheckFolder(settings.Out, "--out", "opinion.json");
        EdgeProbabilities convention = ProbabilityOption.Parse(settings.Probability);
        AttributedGraph attributed = GraphInput.LoadAttributed(settings.Graph!, settings.Undirected, convention, settings.Nodes, settings.SegmentAttribute);
        SocialGraph graph = attributed.Graph;
        OpinionModel model = CreateModel(settings);
        double[] initial = InitialOpinions(settings, model, attributed);
        var request = new OpinionRequest(graph, model, initial) { MaxPeriods = settings.MaxPeriods };
        var options = new SimulationOptions { Simulations = settings.Simulations, Seed = settings.Seed, MaxDegreeOfParallelism = settings.Parallelism };
        OpinionOutcome outcome = SamplingProgress.RunFraction(
            model.IsStochastic ? $"{settings.Simulations:N0} runs" : "iterating",
            progress => OpinionSimulator.Simulate(request, options, progress, cancellationToken));

        string json = JsonSerializer.Serialize(Report(settings, attributed, outcome), CliJsonContext.Default.OpinionReport);
        using (var outputs = new OutputFiles())
        {
            if (settings.Chart is { } chart)
            {
                OpinionChart.Save(outcome, outputs.Stage(chart));
            }

            if (outFolder is not null)
            {
                File.WriteAllText(outputs.Stage(Path.Combine(outFolder, "opinion.json")), json + "\n");
            }

            outputs.Commit(cancellationToken);
        }

        if (settings.Format == "json")
        {
            console.Profile.Out.Writer.WriteLine(json);
            return CliApp.ExitOk;
        }

        WriteTables(settings, attributed, outcome);
        if (settings.Chart is { } written)
        {
            console.WriteLine($"chart: {ErrorText.Escape(Path.GetFullPath(written))}");
        }

        return CliApp.ExitOk;
    }

    /// <summary>The model with the options' parameters; a value out of range is the library's error, named by the option.</summary>
    private static OpinionModel CreateModel(Settings s)
    {
        try
        {
            return s.Model switch
            {
                "degroot" => new DeGrootModel { SelfWeight = s.SelfWeight ?? 0 },
                "fj" => new FriedkinJohnsenModel { Stubbornness = s.Stubbornness ?? 0.5 },
                "hk" => new HegselmannKrauseModel { Confidence = s.Confidence ?? 0.2 },
                "deffuant" => new DeffuantWeisbuchModel { Confidence = s.Confidence ?? 0.2, Convergence = s.Convergence ?? 0.5 },
                "voter" => new VoterModel(),
                "majority" => new MajorityRuleModel { GroupSize = s.GroupSize ?? 3 },
                "sir" => new SirWordOfMouth { Transmission = s.Transmission ?? 0.1, Recovery = s.Recovery ?? 0.5, PerArcTransmission = s.PerArc },
                _ => new SisWordOfMouth { Transmission = s.Transmission ?? 0.1, Recovery = s.Recovery ?? 0.5, PerArcTransmission = s.PerArc },
            };
        }
        catch (ArgumentOutOfRangeException ex)
        {
            string option = "--" + string.Concat((ex.ParamName ?? "value").Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
            throw new CliInputException($"{option}: {ErrorText.Clean(ex.Message)}");
        }
    }

    /// <summary>The initial opinion of every node (dense order), checked with the node's id in the message.</summary>
    private static double[] InitialOpinions(Settings s, OpinionModel model, AttributedGraph attributed)
    {
        SocialGraph graph = attributed.Graph;
        int n = graph.NodeCount;
        var initial = new double[n];
        if (s.SeedNodes is { } ids)
        {
            if (s.Initial is not null)
            {
                throw new CliInputException("--seed-nodes and --initial both set the initial opinions; give one.");
            }

            foreach (int node in NodeIdsOption.Resolve(graph, ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), "--seed-nodes"))
            {
                initial[node] = 1;
            }

            return initial;
        }

        string spec = s.Initial ?? model.Kind switch
        {
            OpinionKind.Continuous => "uniform",
            OpinionKind.Binary => "share:0.5",
            _ => throw new CliInputException($"--model {model.Name} starts from the nodes that tell first: give --seed-nodes (or --initial property:NAME with values 0 and 1)."),
        };
        var random = new Xoshiro256(s.Seed, ulong.MaxValue);
        if (spec == "uniform")
        {
            if (model.Kind != OpinionKind.Continuous)
            {
                throw new CliInputException($"--initial uniform draws opinions in [0, 1]; --model {model.Name} needs 0 or 1 per node: use share:P, property:NAME or --seed-nodes.");
            }

            for (int v = 0; v < n; v++)
            {
                initial[v] = random.NextDouble();
            }

            return initial;
        }

        if (spec.StartsWith("share:", StringComparison.Ordinal))
        {
            if (!double.TryParse(spec.AsSpan(6), NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || p is not (>= 0 and <= 1))
            {
                throw new CliInputException($"--initial share:P needs P in [0, 1]; it was '{ErrorText.Escape(spec)}'.");
            }

            for (int v = 0; v < n; v++)
            {
                initial[v] = random.NextDouble() < p ? 1 : 0;
            }

            return initial;
        }

        if (spec.StartsWith("property:", StringComparison.Ordinal))
        {
            string name = spec[9..];
            if (!attributed.TryGetProperty(name, out NodeProperty? property))
            {
                string known = attributed.Properties.Count == 0 ? "it has none" : "it has " + string.Join(", ", attributed.Properties.Select(p => ErrorText.Escape(p.Name)));
                throw new CliInputException($"--initial property:{ErrorText.Escape(name)}: the graph has no numeric node attribute of that name ({known}).");
            }

            if (property.Kind == NodePropertyKind.Text)
            {
                throw new CliInputException($"--initial property:{ErrorText.Escape(property.Name)}: the attribute holds text, not numbers; name a numeric or boolean attribute (or use it as the segments with --segment-attribute {ErrorText.Escape(property.Name)}).");
            }

            bool binary = model.Kind != OpinionKind.Continuous;
            for (int v = 0; v < n; v++)
            {
                double? x = property.Values[v];
                initial[v] = x is { } value && (binary ? value is 0 or 1 : value is >= 0 and <= 1)
                    ? value
                    : throw new CliInputException($"--initial property:{ErrorText.Escape(property.Name)}: node '{ErrorText.Escape(graph.NodeId(v))}' has {(x is null ? "no value" : x.Value.ToString("G6", CultureInfo.InvariantCulture))}; --model {model.Name} needs {(binary ? "0 or 1" : "a value in [0, 1]")} for every node.");
            }

            return initial;
        }

        throw new CliInputException($"--initial must be uniform, share:P or property:NAME; it was '{ErrorText.Escape(spec)}'.");
    }

    private static OpinionReport Report(Settings s, AttributedGraph attributed, OpinionOutcome o)
    {
        SocialGraph graph = attributed.Graph;
        return new OpinionReport
        {
            Graph = s.Graph,
            Nodes = graph.NodeCount,
            Arcs = graph.EdgeCount,
            Model = o.Model,
            Kind = o.Kind.ToString(),
            Probability = s.Probability,
            Simulations = o.Simulations,
            Seed = s.Seed,
            FinalMean = EstimateReport.From(o.FinalMean),
            Periods = EstimateReport.From(o.Periods),
            Converged = EstimateReport.From(o.Converged),
            Clusters = o.Clusters is { } c ? EstimateReport.From(c) : null,
            FixationProbability = o.FixationProbability is { } f ? EstimateReport.From(f) : null,
            Segments = graph.HasGroups ? SegmentMeans(attributed, o).Select(x => new OpinionSegmentReport(x.Name, x.Nodes, x.Mean)).ToArray() : null,
            ShareLabels = o.ShareLabels,
            Trajectory = o.Trajectory.Select(p => new OpinionPeriodReport(p.Period, p.Mean, p.Minimum, p.Maximum, p.Shares)).ToArray(),
            FinalOpinions = Enumerable.Range(0, graph.NodeCount).Select(v => new NodeValueReport(graph.NodeId(v), o.FinalOpinions[v])).ToArray(),
        };
    }

    private static IEnumerable<(string Name, int Nodes, double Mean)> SegmentMeans(AttributedGraph attributed, OpinionOutcome o)
    {
        SocialGraph graph = attributed.Graph;
        var sums = new double[graph.GroupCount];
        var counts = new int[graph.GroupCount];
        for (int v = 0; v < graph.NodeCount; v++)
        {
            sums[graph.GroupOf(v)] += o.FinalOpinions[v];
            counts[graph.GroupOf(v)]++;
        }

        for (int g = 0; g < sums.Length; g++)
        {
            if (counts[g] > 0)
            {
                yield return (attributed.Segments[g], counts[g], sums[g] / counts[g]);
            }
        }
    }

    private void WriteTables(Settings s, AttributedGraph attributed, OpinionOutcome o)
    {
        SocialGraph graph = attributed.Graph;
        var summary = new TextTable("quantity", "value");
        summary.AddRow("graph", $"{ErrorText.Escape(s.Graph!)} ({GraphInput.Describe(graph)})");
        summary.AddRow("model", o.Kind switch
        {
            OpinionKind.Continuous => $"{o.Model} (continuous opinions; arc weights {s.Probability})",
            OpinionKind.Binary => $"{o.Model} (binary opinions)",
            _ => s.PerArc ? $"{o.Model} (word of mouth; each arc tells with its {s.Probability} weight)" : $"{o.Model} (word of mouth)",
        });
        summary.AddRow("runs", o.Simulations == 1 ? "1 (deterministic)" : o.Simulations.ToString("N0", CultureInfo.InvariantCulture));
        string final = o.Kind switch
        {
            OpinionKind.Continuous => "mean final opinion",
            OpinionKind.Binary => "final share holding 1",
            _ => o.Model == "sir" ? "final size (share ever told)" : "final share telling",
        };
        summary.AddRow(final, Format(o.FinalMean));
        summary.AddRow("periods", Format(o.Periods));
        summary.AddRow("converged (share of runs)", Format(o.Converged));
        if (o.Clusters is { } clusters)
        {
            summary.AddRow("opinion clusters", Format(clusters));
        }

        if (o.FixationProbability is { } fixation)
        {
            summary.AddRow("probability opinion 1 fixates", Format(fixation));
        }

        summary.Write(console);

        if (graph.HasGroups)
        {
            var segments = new TextTable("segment", "nodes", "mean final value") { Title = "By segment" };
            foreach ((string name, int nodes, double mean) in SegmentMeans(attributed, o))
            {
                segments.AddRow(ErrorText.Escape(name), nodes.ToString("N0", CultureInfo.InvariantCulture), mean.ToString("0.####", CultureInfo.InvariantCulture));
            }

            console.WriteLine();
            segments.Write(console);
        }

        bool continuous = o.Kind == OpinionKind.Continuous;
        string[] headers = continuous ? ["period", "mean", "lowest", "highest"] : ["period", .. o.ShareLabels.Select(l => o.Kind == OpinionKind.Binary ? $"share {l}" : l)];
        var trajectory = new TextTable(headers) { Title = "Trajectory" };
        int count = o.Trajectory.Count;
        int step = Math.Max(1, (count - 1 + 11) / 12);
        for (int i = 0; i < count; i += step)
        {
            AddPeriod(trajectory, o.Trajectory[i], continuous);
        }

        if ((count - 1) % step != 0)
        {
            AddPeriod(trajectory, o.Trajectory[^1], continuous);
        }

        console.WriteLine();
        trajectory.Write(console);
    }

    private static void AddPeriod(TextTable table, OpinionPeriod p, bool continuous)
    {
        string F(double x) => x.ToString("0.####", CultureInfo.InvariantCulture);
        string period = p.Period.ToString(CultureInfo.InvariantCulture);
        table.AddRow(continuous ? [period, F(p.Mean), F(p.Minimum), F(p.Maximum)] : [period, .. p.Shares.Select(F)]);
    }

    private static string Format(Estimate e) => e.StandardError == 0
        ? e.Mean.ToString("0.####", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{e.Mean:0.####} ± {e.StandardError:0.####} (95%: {e.Interval95.Lower:0.####} to {e.Interval95.Upper:0.####})");

}
