using System.Buffers.Text;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using InfluenceModel.Networks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>
/// `influence graph generate rmat OUT --scale S --arcs M`: an R-MAT graph (<see cref="GraphGenerators.RMat"/>) written as
/// a binary graph file (OUT ending in .imgraph) or as an edge list ("u v" lines; .gz compressed).
/// </summary>
internal sealed class GraphGenerateRMatCommand(IAnsiConsole console) : Command<GraphGenerateRMatCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<OUT>")]
        [Description("The file to write, replaced if it exists: *.imgraph for a binary graph file, anything else for an edge list ('u v' per line; *.gz compressed).")]
        public string Output { get; init; } = "";

        [CommandOption("--scale <S>")]
        [Description("log2 of the node count, 1 to 30 (2^S nodes, ids 0 to 2^S - 1).")]
        public int? Scale { get; init; }

        [CommandOption("--arcs <M>")]
        [Description("Arcs drawn, 0 to 2,147,483,591 (Graph500's edge factor 16 is 16 x 2^S). Self-loops and repeated arcs are dropped unless --keep-repeats, so the graph may have fewer.")]
        public long? Arcs { get; init; }

        [CommandOption("--quadrants <A,B,C,D>")]
        [Description("The quadrant probabilities a,b,c,d, each in (0, 1), summing to 1.")]
        [DefaultValue("0.57,0.19,0.19,0.05")]
        public string Quadrants { get; init; } = "0.57,0.19,0.19,0.05";

        [CommandOption("--keep-repeats")]
        [Description("Keep every draw as an arc, self-loops and repeated arcs included (exactly M arcs).")]
        public bool KeepRepeats { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description(CommonOptions.SeedDescription)]
        [DefaultValue(0UL)]
        public ulong Seed { get; init; }

        [CommandOption("--parallelism <N>")]
        [Description(CommonOptions.ParallelismDescription)]
        [DefaultValue(-1)]
        public int Parallelism { get; init; } = -1;

        public override ValidationResult Validate()
        {
            string? error = string.IsNullOrWhiteSpace(Output) ? "graph generate rmat needs OUT."
                : Scale is null ? "graph generate rmat needs --scale S (1 to 30)."
                : Scale is < 1 or > 30 ? $"--scale must be 1 to 30; it was {Scale}."
                : Arcs is null ? "graph generate rmat needs --arcs M."
                : Arcs < 0 || Arcs > Array.MaxLength ? $"--arcs must be 0 to {Array.MaxLength:N0}; it was {Arcs}."
                : CommonOptions.CheckParallelism(Parallelism);
            return error is null ? ValidationResult.Success() : ValidationResult.Error(error);
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        double[] q = ParseQuadrants(settings.Quadrants);
        GraphInput.CheckFolderOf(settings.Output);

        var clock = Stopwatch.StartNew();
        SocialGraph graph;
        try
        {
            graph = SamplingProgress.RunFraction($"R-MAT scale {settings.Scale}, {settings.Arcs:N0} draws", progress =>
                GraphGenerators.RMat(settings.Scale!.Value, (int)settings.Arcs!.Value, settings.Seed, q[0], q[1], q[2], q[3],
                    settings.KeepRepeats, settings.Parallelism, progress, cancellationToken));
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName is "a" or "b" or "c" or "d")
        {
            throw new CliInputException($"--quadrants: {ex.Message.Split(" (Parameter", 2)[0]}");
        }

        double generated = clock.Elapsed.TotalSeconds;
        if (settings.Output.EndsWith(".imgraph", StringComparison.OrdinalIgnoreCase))
        {
            graph.SaveBinary(settings.Output);
        }
        else
        {
            WriteEdgeList(graph, settings.Output, cancellationToken);
        }

        console.MarkupLine(Markup.Escape(
            $"{GraphInput.EscapedPath(settings.Output)}: {GraphInput.Describe(graph)}, {new FileInfo(settings.Output).Length:N0} bytes (generated {generated:F2} s, written {clock.Elapsed.TotalSeconds - generated:F2} s)."));
        return CliApp.ExitOk;
    }

    private static double[] ParseQuadrants(string text)
    {
        string[] parts = text.Split(',');
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                throw new CliInputException($"--quadrants must be four numbers a,b,c,d; '{ErrorText.Escape(parts[i])}' is not a number.");
            }
        }

        return values.Length == 4
            ? values
            : throw new CliInputException($"--quadrants must be four numbers a,b,c,d; it has {values.Length}.");
    }

    /// <summary>"u v" lines in out-CSR order, written under a temporary name and renamed (never half-written).</summary>
    private static void WriteEdgeList(SocialGraph graph, string path, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            using (Stream output = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : file)
            {
                int[] offsets = graph.OutOffsetArray, targets = graph.OutTargetArray;
                var buffer = new byte[1 << 20];
                int used = 0;
                for (int u = 0; u < graph.NodeCount; u++)
                {
                    if ((u & 0xFFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    for (int e = offsets[u]; e < offsets[u + 1]; e++)
                    {
                        if (used > buffer.Length - 32)
                        {
                            output.Write(buffer, 0, used);
                            used = 0;
                        }

                        Utf8Formatter.TryFormat(u, buffer.AsSpan(used), out int written);
                        used += written;
                        buffer[used++] = (byte)' ';
                        Utf8Formatter.TryFormat(targets[e], buffer.AsSpan(used), out written);
                        used += written;
                        buffer[used++] = (byte)'\n';
                    }
                }

                output.Write(buffer, 0, used);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
