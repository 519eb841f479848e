using System.Text.Json;
using InfluenceModel.Cli;

namespace InfluenceModel.Tests.Cli;

/// <summary>`influence graph convert` and graph files given to --graph; damaged graph files as one-line errors.</summary>
public sealed class GraphCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-graph-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Convert_ThenSeedsFromTheGraphFile_GivesTheSameAnswerAsFromTheEdgeList()
    {
        string text = Path.Combine(_folder, "g.txt");
        File.WriteAllText(text, "alice a1\nalice a2\nalice a3\nbob b1\nbob b2\ncarol dave\ndave alice\n");
        string binary = Path.Combine(_folder, "g.imgraph");
        var (code, output, error) = CliHarness.Run(200, "graph", "convert", text, binary);
        Assert.True(code == CliApp.ExitOk, error);
        Assert.Contains("9 nodes, 7 arcs", output, StringComparison.Ordinal);

        string[] seeds = ["seeds", "--count", "2", "--probability", "uniform:0.5", "--format", "json", "--graph"];
        var fromText = CliHarness.Run(200, [.. seeds, text]);
        var fromBinary = CliHarness.Run(200, [.. seeds, binary]);
        Assert.Equal(CliApp.ExitOk, fromBinary.Code);
        using var a = JsonDocument.Parse(fromText.Output);
        using var b = JsonDocument.Parse(fromBinary.Output);
        Assert.Equal(a.RootElement.GetProperty("seeds").ToString(), b.RootElement.GetProperty("seeds").ToString());
        Assert.Equal(a.RootElement.GetProperty("estimatedSpread").GetDouble(), b.RootElement.GetProperty("estimatedSpread").GetDouble());
    }

    [Fact]
    public void Info_PrintsTheSizeOfAGraphFileAndOfAnEdgeList_AndRefusesAMissingOrDamagedFile()
    {
        string text = Path.Combine(_folder, "i.txt");
        File.WriteAllText(text, "alice a1 0.5\nalice a2 0.25\nbob alice 1\n");
        string binary = Path.Combine(_folder, "i.imgraph");
        Assert.Equal(CliApp.ExitOk, CliHarness.Run(200, "graph", "convert", text, binary).Code);

        var (code, output, error) = CliHarness.Run(200, "graph", "info", binary);
        Assert.True(code == CliApp.ExitOk, error);
        Assert.Contains("(graph file version 3): 4 nodes, 3 arcs, weighted; read in", output, StringComparison.Ordinal);
        (code, output, _) = CliHarness.Run(200, "graph", "info", text, "--undirected");
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("(edge list): 4 nodes, 6 arcs, weighted", output, StringComparison.Ordinal);

        (code, _, error) = CliHarness.Run(200, "graph", "info", binary + ".missing");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
        byte[] bytes = File.ReadAllBytes(binary);
        bytes[^9] ^= 0x40;
        File.WriteAllBytes(binary, bytes);
        (code, _, error) = CliHarness.Run(200, "graph", "info", binary);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("corrupt", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void DamagedInputs_AreOneLineErrors_WithExitTwo()
    {
        string binary = Path.Combine(_folder, "g.imgraph");
        File.WriteAllText(Path.Combine(_folder, "g.txt"), "1 2\n2 3\n");
        Assert.Equal(CliApp.ExitOk, CliHarness.Run(200, "graph", "convert", Path.Combine(_folder, "g.txt"), binary).Code);
        byte[] bytes = File.ReadAllBytes(binary);
        File.WriteAllBytes(binary, bytes[..^4]);
        var (code, _, error) = CliHarness.Run(200, "spread", "--graph", binary, "--seed-nodes", "1");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("truncated", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));

        string evil = Path.Combine(_folder, "evil.txt");
        File.WriteAllText(evil, "1 2\n\u001b]0;owned\u0007\n");
        (code, _, error) = CliHarness.Run(200, "seeds", "--graph", evil, "--count", "1");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.DoesNotContain('\u001b', error);
        Assert.Contains("line 2", error, StringComparison.Ordinal);

        string gz = Path.Combine(_folder, "empty.txt.gz");
        File.WriteAllBytes(gz, []);
        (code, _, error) = CliHarness.Run(200, "graph", "convert", gz, Path.Combine(_folder, "x.imgraph"));
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("empty.txt.gz", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "x.imgraph")));

        (code, _, error) = CliHarness.Run(200, "seeds", "--graph", binary + ".missing", "--count", "1");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Undirected_WithAGraphFile_IsRefused()
    {
        string text = Path.Combine(_folder, "u.txt");
        File.WriteAllText(text, "1 2\n");
        string binary = Path.Combine(_folder, "u.imgraph");
        Assert.Equal(CliApp.ExitOk, CliHarness.Run(200, "graph", "convert", text, binary, "--undirected").Code);
        var (code, _, error) = CliHarness.Run(200, "seeds", "--graph", binary, "--count", "1", "--undirected");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("--undirected", error, StringComparison.Ordinal);
    }
}
