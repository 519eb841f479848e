using System.Text.Json;
using InfluenceModel.Cli;

namespace InfluenceModel.Tests.Cli;

public sealed class SeedsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-seeds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Seeds_Json_PrintsInputFileIds_OfTheHubs()
    {
        string dir = _folder;
        string graph = Path.Combine(dir, "stars.txt");
        // Hubs "alice" (4 followers) and "bob" (2); string ids must come back as written.
        File.WriteAllText(graph, "alice a1\nalice a2\nalice a3\nalice a4\nbob b1\nbob b2\ncarol\tdave\n");
        string candidates = Path.Combine(dir, "employees.txt");
        File.WriteAllText(candidates, "bob carol a1\n");

        var (code, output, _) = Run("seeds", "--graph", graph, "-k", "2", "--probability", "uniform:0.5", "--format", "json");
        Assert.Equal(CliApp.ExitOk, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["alice", "bob"], json.RootElement.GetProperty("seeds").EnumerateArray().Select(e => e.GetString()).Order());

        (code, output, _) = Run("seeds", "--graph", graph, "-k", "1", "--probability", "uniform:0.5", "--candidates", candidates, "--format", "json");
        Assert.Equal(CliApp.ExitOk, code);
        using var restricted = JsonDocument.Parse(output);
        Assert.Equal("bob", restricted.RootElement.GetProperty("seeds")[0].GetString());
    }

    [Fact]
    public void Seeds_Json_KeepsItsPropertyNamesAndOrder()
    {
        // The report is a typed record (source-generated JSON, for the native build); scripts read these names in this order.
        string graph = Path.Combine(_folder, "g.txt");
        File.WriteAllText(graph, "1 2\n1 3\n2 3\n3 4\n");
        var (code, output, _) = Run("seeds", "--graph", graph, "-k", "1", "--format", "json");
        Assert.Equal(CliApp.ExitOk, code);
        JsonElement json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(
            ["graph", "nodes", "arcs", "model", "probability", "algorithm", "epsilon", "seeds", "marginalGains", "estimatedSpread", "standardError", "interval95", "approximationGuarantee", "rrSetCount", "totalCost", "elapsedSeconds", "seed"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["lower", "upper"], json.GetProperty("interval95").EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("totalCost").ValueKind);
        Assert.Equal(0.1, json.GetProperty("epsilon").GetDouble());
    }

    [Fact]
    public void Seeds_Table_ListsSeedsAndGuarantee()
    {
        string graph = Path.Combine(_folder, "g.txt");
        File.WriteAllText(graph, "1 2\n1 3\n2 3\n3 4\n");
        var (code, output, _) = Run("seeds", "--graph", graph, "-k", "1", "--model", "lt", "--algorithm", "imm");
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("approximation guarantee", output, StringComparison.Ordinal);
        Assert.Contains("seed id", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Seeds_Kelman_RunsCelf_SaysSo_AndMatchesTheLibrary()
    {
        string graph = Path.Combine(_folder, "k.txt");
        File.WriteAllText(graph, "1 2\n1 3\n1 4\n2 3\n3 4\n4 5\n5 1\n6 5\n");
        var (code, output, error) = Run("seeds", "--graph", graph, "--count", "2", "--model", "kelman", "--simulations", "200");
        Assert.True(code == CliApp.ExitOk, error);
        Assert.Contains("CELF greedy on Monte-Carlo spread, 200 simulations", output, StringComparison.Ordinal);
        Assert.Contains("no approximation guarantee", output, StringComparison.Ordinal);

        (code, output, _) = Run("seeds", "--graph", graph, "--count", "2", "--model", "kelman", "--simulations", "200", "--format", "json");
        Assert.Equal(CliApp.ExitOk, code);
        using var json = JsonDocument.Parse(output);
        var g = InfluenceModel.Networks.SocialGraph.LoadEdgeList(graph).WithEdgeProbabilities(InfluenceModel.Networks.EdgeProbabilities.WeightedCascade);
        var expected = InfluenceModel.Seeding.InfluenceMaximizer.Select(
            new InfluenceModel.Seeding.SeedingRequest(g, new InfluenceModel.Diffusion.KelmanInfluence(), 2) { Algorithm = InfluenceModel.Seeding.SeedingAlgorithm.CelfGreedy },
            new SimulationOptions { Simulations = 200 });
        Assert.Equal(expected.SeedIds, json.RootElement.GetProperty("seeds").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("approximationGuarantee").ValueKind); // CELF has none to state

        (code, _, error) = Run("seeds", "--graph", graph, "--model", "kelman", "--algorithm", "opimc");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("celf only", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--algorithm", "best")]
    [InlineData("--model", "voter")]
    [InlineData("--budget", "5")]
    [InlineData("--probability", "uniform:2")]
    [InlineData("-k", "0")]
    public void Seeds_BadInput_ExitsTwoWithOneLine(string option, string value)
    {
        string graph = Path.Combine(_folder, "g.txt");
        File.WriteAllText(graph, "1 2\n");
        var (code, _, error) = Run("seeds", "--graph", graph, option, value);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    private string Graph()
    {
        string graph = Path.Combine(_folder, "costs-g.txt");
        File.WriteAllText(graph, "1 2\n1 3\n2 3\n3 4\n4 5\n");
        return graph;
    }

    [Fact]
    public void Costs_UnlistedNode_IsAnError_NotASilentCostOfOne()
    {
        string costs = Path.Combine(_folder, "costs.txt");
        File.WriteAllText(costs, "1 5\n2 5\n");
        var (code, _, error) = Run("seeds", "--graph", Graph(), "--count", "2", "--costs", costs, "--budget", "10");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("lists no cost for 3 node(s)", error, StringComparison.Ordinal);
        Assert.Contains("--default-cost", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Costs_WithDefaultCost_OrOnlyCandidatesListed_Run()
    {
        string costs = Path.Combine(_folder, "costs.txt");
        File.WriteAllText(costs, "1 5\n2 5\n");
        Assert.Equal(CliApp.ExitOk, Run("seeds", "--graph", Graph(), "--count", "2", "--costs", costs, "--budget", "10", "--default-cost", "7").Code);

        string candidates = Path.Combine(_folder, "cand.txt");
        File.WriteAllText(candidates, "1 2\n");
        var (code, output, _) = Run("seeds", "--graph", Graph(), "--count", "2", "--costs", costs, "--budget", "10", "--candidates", candidates, "--format", "json");
        Assert.Equal(CliApp.ExitOk, code);
        JsonElement json = JsonDocument.Parse(output).RootElement;
        Assert.InRange(json.GetProperty("totalCost").GetDouble(), 5, 10); // only the listed candidates, each costing 5
        Assert.All(json.GetProperty("seeds").EnumerateArray(), s => Assert.Contains(s.GetString(), new[] { "1", "2" }));
    }

    [Fact]
    public void Celf_PrintsNoEpsilon_NoRrSets_NoGuarantee_AndProperNames()
    {
        var (code, output, _) = Run("seeds", "--graph", Graph(), "--count", "1", "--algorithm", "celf", "--probability", "uniform:0.5", "--format", "json");
        Assert.Equal(CliApp.ExitOk, code);
        JsonElement json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("CELF", json.GetProperty("algorithm").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("epsilon").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("rrSetCount").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("approximationGuarantee").ValueKind);

        (code, output, _) = Run("seeds", "--graph", Graph(), "--count", "1", "--algorithm", "celf", "--probability", "uniform:0.5");
        Assert.Equal(CliApp.ExitOk, code);
        Assert.Contains("CELF", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ε", output, StringComparison.Ordinal);
        Assert.DoesNotContain("RR sets", output, StringComparison.Ordinal);
        Assert.DoesNotContain("guarantee", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CelfGreedy", output, StringComparison.Ordinal);

        (_, output, _) = Run("seeds", "--graph", Graph(), "--count", "1", "--algorithm", "imm", "--probability", "uniform:0.5");
        Assert.Contains("IMM, ε = 0.1", output, StringComparison.Ordinal);
        Assert.Contains("RR sets", output, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => CliHarness.Run(80, args);
}
