using System.ComponentModel;
using InfluenceModel.Networks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>
/// The graph options of `seeds` and `spread`, declared once: `-g|--graph` (required), `--nodes` and `--undirected`, with
/// the one check of `--graph` and the one load of the graph behind them. Spectre.Console lists a base class's options
/// first, which is where both commands show them, so the help reads as before. A command adds its own options and checks
/// (<see cref="Check"/>); the options whose help text or place differs per command (`--probability`, `--seed`,
/// `--format`) stay on the command, with their text and checks from <see cref="ProbabilityOption"/> and
/// <see cref="CommonOptions"/>.
/// </summary>
internal abstract class GraphSettings : CommandSettings
{
    [CommandOption("-g|--graph <FILE>")]
    [Description("Edge list (one 'u v' or 'u v w' per line, '#'/'%' comments, .gz allowed), a GraphML (.graphml) or GML (.gml) file with node attributes, or a binary graph file from 'graph convert'. Required.")]
    public string? Graph { get; init; }

    [CommandOption("--nodes <FILE>")]
    [Description(NodesOption.Description)]
    public string? Nodes { get; init; }

    [CommandOption("--undirected")]
    [Description("Read every line as an undirected tie (both arcs).")]
    public bool Undirected { get; init; }

    /// <summary>The error for a missing or blank `--graph`, else <see langword="null"/> (also what `opinion` checks first).</summary>
    public static string? CheckGraph(string? graph) => string.IsNullOrWhiteSpace(graph) ? "--graph is required." : null;

    /// <summary>The error for a missing `--graph` (<see cref="CheckGraph"/>), else the command's first error (<see cref="Check"/>).</summary>
    public sealed override ValidationResult Validate() =>
        (CheckGraph(Graph) ?? Check()) is { } error
            ? ValidationResult.Error(error)
            : ValidationResult.Success();

    /// <summary>The first error in the command's own options (`--graph` is given), else <see langword="null"/>.</summary>
    protected abstract string? Check();

    /// <summary>The graph of `--graph` with <paramref name="convention"/>'s probabilities and `--nodes`' segments (<see cref="GraphInput.Load"/>).</summary>
    public SocialGraph LoadGraph(EdgeProbabilities convention) => GraphInput.Load(Graph!, Undirected, convention, Nodes);
}
