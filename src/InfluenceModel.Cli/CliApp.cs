using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli;

/// <summary>
/// The `influence` command line. Exit codes: 0 success; 2 bad arguments or bad input (one line per problem on stderr,
/// no stack trace); 1 an unexpected failure; 130 cancelled (Ctrl+C or SIGTERM: "Cancelled." on stderr, no partial
/// output files).
/// </summary>
internal static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitBadInput = 2;
    public const int ExitCancelled = 130;

    /// <summary>The tool's version (`influence --version`): the assembly's informational version without the source-revision suffix.</summary>
    public static string Version { get; } = VersionOf(typeof(CliApp).Assembly);

    private static string VersionOf(System.Reflection.Assembly assembly)
    {
        string? informational = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(assembly)?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }

    private static readonly AsyncLocal<TextWriter?> CurrentError = new();

    /// <summary>Where a command writes notes and warnings (stderr, or the run's <c>error</c> writer): never the results' stdout.</summary>
    public static TextWriter Error => CurrentError.Value ?? Console.Error;

    /// <summary>
    /// Runs the CLI with <paramref name="args"/>, writing to <paramref name="console"/> (stdout by default) and errors
    /// to <paramref name="error"/> (stderr by default); <paramref name="cancellationToken"/> reaches every command's work.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050:RequiresDynamicCode",
        Justification = "Spectre.Console.Cli marks CommandApp as needing dynamic code (it finds settings types, binds options and creates commands by reflection). Only the opt-in native build analyses this; it roots the CLI assembly for that reflection and is not yet working (InfluenceModel.Cli.csproj, docs/performance.md Start-up). The JIT tool is unaffected.")]
    public static int Run(string[] args, IAnsiConsole? console = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        error ??= Console.Error;
        CurrentError.Value = error;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("influence");
            config.SetApplicationVersion(Version);
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.PropagateExceptions();
            config.UseStrictParsing();
            Register(config);
        });

        try
        {
            return app.Run(args, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Cancelled.");
            return ExitCancelled;
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            foreach (string line in ErrorText.Lines(ex))
            {
                error.WriteLine($"error: {line}");
            }

            return ExitBadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            error.WriteLine($"unexpected error: {ErrorText.Clean(ex.Message)}");
            return ExitFailure;
        }
    }

    /// <summary>Every command of the tool: one line each.</summary>
    private static void Register(IConfigurator config)
    {
        // The option convention (docs/cli.md): one meaning per name and per letter across every command.
        config.AddCommand<Commands.DemoCommand>("demo").WithDescription("Run the main job: the built-in campaign scenario (the source article's setting) with a progress bar; writes report.md, report.html and charts to ./out.").WithExample("demo").WithExample("demo", "--out", "report", "--simulations", "100").WithExample("demo", "--consumers", "2000", "--seed", "7");
        config.AddCommand<Commands.RunCommand>("run").WithDescription("Validate and simulate a campaign scenario JSON; writes the report to --out; --format json prints the result. --print-default prints the built-in scenario to start from.").WithExample("run", "--print-default").WithExample("run", "docs/examples/campaign.json", "--out", "out").WithExample("run", "docs/examples/campaign.json", "--format", "json", "--simulations", "200");
        config.AddCommand<Commands.ValidateCommand>("validate").WithDescription("List every problem in a campaign scenario JSON with its JSON path (exit 2 when invalid).").WithExample("validate", "docs/examples/campaign.json");
        config.AddCommand<Commands.CommunityCommand>("community").WithDescription("Community ROI curve: how much less the company has to do as its user community grows, and when it pays for itself.").WithExample("community").WithExample("community", "--input", "inputs.json", "--format", "json").WithExample("community", "--format", "csv", "--chart", "roi.svg");
        config.AddCommand<Commands.BudgetCommand>("budget").WithDescription("Flexible budget: compare reserve policies on a plan and find the reserve share that maximises expected value (or CVaR).").WithExample("budget", "--input", "docs/examples/budget-plan.json", "--simulations", "20000", "--chart", "reserve.png");
        config.AddCommand<Commands.SpreadCommand>("spread").WithDescription("Expected influence spread of seed nodes on a graph (IC, LT or Kelman; Monte Carlo with standard error).").WithExample("spread", "--graph", "email-enron.txt.gz", "--seed-nodes", "5038,8344", "--model", "ic", "--probability", "wc", "--simulations", "10000");
        config.AddCommand<Commands.SeedsCommand>("seeds").WithDescription("Choose the k seeds (ambassadors, influencers) that maximize expected spread: OPIM-C, IMM, CELF or heuristics, with candidates, forced seeds and a budget.").WithExample("seeds", "--graph", "graph.txt", "--count", "50", "--model", "ic", "--probability", "wc").WithExample("seeds", "--graph", "graph.txt.gz", "--count", "10", "--algorithm", "imm", "--candidates", "employees.txt", "--format", "json").WithExample("seeds", "--graph", "graph.txt", "--count", "20", "--costs", "costs.txt", "--budget", "1000");
        config.AddCommand<Commands.OpinionCommand>("opinion").WithDescription("Opinion dynamics and word of mouth on a graph: DeGroot, Friedkin–Johnsen, Hegselmann–Krause, Deffuant–Weisbuch, voter, majority rule, SIR or SIS; trajectory table, JSON and chart.").WithExample("opinion", "--graph", "consumers.graphml", "--model", "hk", "--confidence", "0.15", "--chart", "opinions.png").WithExample("opinion", "--graph", "graph.txt", "--nodes", "nodes.csv", "--model", "sir", "--seed-nodes", "1,2,3", "--transmission", "0.2", "--format", "json");
        config.AddBranch("graph", graph =>
        {
            graph.SetDescription("Graph files: convert an edge list to a binary graph file that loads in milliseconds.");
            graph.AddCommand<Commands.GraphConvertCommand>("convert").WithDescription("Convert an edge list (.txt, .gz) to a binary graph file (CSR arcs, weights, ids, checksum); seeds and spread read it with --graph like an edge list.").WithExample("graph", "convert", "email-enron.txt.gz", "email-enron.imgraph");
            graph.AddCommand<Commands.GraphInfoCommand>("info").WithDescription("Load a graph (graph file, edge list, GraphML/GML) and print its nodes, arcs, weights, groups and the time the load took.").WithExample("graph", "info", "email-enron.imgraph");
            graph.AddBranch("generate", generate =>
            {
                generate.SetDescription("Generate a random graph as a graph file or an edge list.");
                generate.AddCommand<Commands.GraphGenerateRMatCommand>("rmat").WithDescription("R-MAT graph (Chakrabarti et al. 2004): 2^S nodes, M arcs drawn by recursive quadrants a,b,c,d; *.imgraph or an edge list.").WithExample("graph", "generate", "rmat", "rmat20.imgraph", "--scale", "20", "--arcs", "16777216");
            });
        });
#if !NATIVE_AOT
        config.AddBranch("cluster", cluster =>
        {
            cluster.SetDescription("Run seeds and spread on an Orleans cluster (InfluenceModel.Orleans): start silos here, then seeds/spread --cluster HOST:G.");
            cluster.AddCommand<Commands.Cluster.ClusterSiloCommand>("silo").WithDescription("Start one silo on loopback and keep it running until Ctrl+C: the first without --primary, the others with --primary HOST:P1.").WithExample("cluster", "silo", "--port", "11111", "--gateway-port", "30000").WithExample("cluster", "silo", "--port", "11112", "--gateway-port", "30001", "--primary", "127.0.0.1:11111");
        });
#endif
        config.AddCommand<Commands.ChannelsCommand>("channels").WithDescription("Channel selection and budget split: which few channels to be in under a budget and a cap, and how much in each.").WithExample("channels", "--input", "docs/examples/channels.json", "--budget", "40000", "--max-channels", "3").WithExample("channels", "--input", "docs/examples/channels.json", "--budget", "40000", "--objective", "reach", "--format", "json", "--chart", "curves.png");
        config.AddCommand<Commands.MmmCommand>("mmm").WithDescription("Media-mix model: learn each channel's carry-over and response curve from a CSV of weekly (or daily) KPI and spend by Bayesian inference (NUTS); contribution share, ROAS and marginal ROAS with 94% HDIs, diagnostics and charts.").WithExample("mmm", "--input", "docs/examples/media-mix.csv", "--date", "week", "--kpi", "sales", "--channels", "tv,search,social", "--controls", "price", "--out", "mmm").WithExample("mmm", "--input", "data.csv", "--date", "date", "--kpi", "revenue", "--channels", "tv,radio", "--saturation", "hill", "--trend", "linear", "--format", "json");
    }

    private static bool IsBadInput(Exception ex) => ex is CommandParseException or CommandRuntimeException
        or ArgumentException or FormatException or JsonException or IOException or UnauthorizedAccessException
        or InvalidDataException or CliInputException;
}
