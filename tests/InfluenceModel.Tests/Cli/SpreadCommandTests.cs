using System.Text.Json;

namespace InfluenceModel.Tests.Cli;

public sealed class SpreadCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-spread-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Error) Run(params string[] args) => CliHarness.Run(80, args);

    private string WriteGraph()
    {
        string path = Path.Combine(_folder, "g.txt");
        File.WriteAllText(path, "# tiny\nalice bob\nbob carol\ncarol dave\n");
        return path;
    }

    [Fact]
    public void Json_NamesSeedsByInputId_AndReportsTheEstimate()
    {
        var (code, output, _) = Run("spread", "--graph", WriteGraph(), "--seed-nodes", "alice", "--probability", "uniform:1", "--simulations", "50", "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("alice", json.RootElement.GetProperty("seeds")[0].GetString());
        Assert.Equal(4.0, json.RootElement.GetProperty("mean").GetDouble());
        Assert.Equal(50, json.RootElement.GetProperty("simulations").GetInt32());
    }

    [Fact]
    public void Table_ShowsTheSpread()
    {
        var (code, output, _) = Run("spread", "--graph", WriteGraph(), "--seed-nodes", "bob", "--undirected", "--model", "lt", "--simulations", "100");
        Assert.Equal(0, code);
        Assert.Contains("expected spread", output);
        Assert.Contains("bob", output);
    }

    [Theory]
    [InlineData("--seed-nodes", "alice,zoe", "'zoe'")]
    [InlineData("--seed-nodes", ",", "--seed-nodes")]
    [InlineData("--probability", "uniform:2", "uniform:P")]
    [InlineData("--model", "sir", "--model")]
    public void BadInput_ExitsWithCode2AndOneLine(string option, string value, string mention)
    {
        string[] args = option == "--seed-nodes"
            ? ["spread", "--graph", WriteGraph(), option, value]
            : ["spread", "--graph", WriteGraph(), "--seed-nodes", "alice", option, value];
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.Contains(mention, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void MissingGraphFile_ExitsWithCode2()
    {
        Assert.Equal(2, Run("spread", "--graph", "/no/such/file.txt", "--seed-nodes", "1").Code);
    }
}
