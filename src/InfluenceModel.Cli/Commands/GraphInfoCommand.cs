using System.ComponentModel;
using System.Diagnostics;
using InfluenceModel.Networks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>
/// `influence graph info FILE`: loads a graph (graph file, edge list, GraphML/GML) and prints its size and how long the
/// load took; nothing else, so it is also the whole-process measure of loading a graph.
/// </summary>
internal sealed class GraphInfoCommand(IAnsiConsole console) : Command<GraphInfoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A binary graph file (*.imgraph), an edge list ('u v' or 'u v w' per line, .gz allowed), or a GraphML/GML file.")]
        public string Input { get; init; } = "";

        [CommandOption("--undirected")]
        [Description("Read every line of an edge list as an undirected tie (both arcs).")]
        public bool Undirected { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Input) ? ValidationResult.Error("graph info needs FILE.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        SocialGraph graph = GraphInput.LoadWeights(settings.Input, settings.Undirected);
        double read = clock.Elapsed.TotalSeconds;
        string format = GraphFile.HasMagic(settings.Input) ? $"graph file version {GraphFile.VersionOf(settings.Input)}" : GraphInput.Format(settings.Input) ?? "edge list";
        console.MarkupLine(Markup.Escape(
            $"{GraphInput.EscapedPath(settings.Input)} ({format}): {GraphInput.Describe(graph, weights: true)}{(graph.HasGroups ? $", {graph.GroupCount:N0} groups" : "")}; read in {read:F3} s."));
        return CliApp.ExitOk;
    }
}
