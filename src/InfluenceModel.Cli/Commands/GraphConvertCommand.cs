using System.ComponentModel;
using System.Diagnostics;
using InfluenceModel.Networks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>`influence graph convert IN OUT`: an edge list (or graph file) to a binary graph file that loads without parsing.</summary>
internal sealed class GraphConvertCommand(IAnsiConsole console) : Command<GraphConvertCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<IN>")]
        [Description("Edge list ('u v' or 'u v w' per line, .gz allowed) or an existing graph file.")]
        public string Input { get; init; } = "";

        [CommandArgument(1, "<OUT>")]
        [Description("The binary graph file to write (conventionally *.imgraph); replaced if it exists.")]
        public string Output { get; init; } = "";

        [CommandOption("--undirected")]
        [Description("Read every line of the edge list as an undirected tie (both arcs).")]
        public bool Undirected { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Input) || string.IsNullOrWhiteSpace(Output)
                ? ValidationResult.Error("graph convert needs IN and OUT.")
                : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        GraphInput.CheckFolderOf(settings.Output);

        var clock = Stopwatch.StartNew();
        SocialGraph graph = GraphInput.LoadWeights(settings.Input, settings.Undirected);
        double read = clock.Elapsed.TotalSeconds;
        graph.SaveBinary(settings.Output);
        console.MarkupLine(Markup.Escape(
            $"{GraphInput.EscapedPath(settings.Output)}: {GraphInput.Describe(graph, weights: true)}, {new FileInfo(settings.Output).Length:N0} bytes (read {read:F2} s, written {clock.Elapsed.TotalSeconds - read:F2} s)."));
        return CliApp.ExitOk;
    }
}
