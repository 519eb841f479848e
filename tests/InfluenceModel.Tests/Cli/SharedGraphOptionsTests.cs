using System.Text.Json;
using InfluenceModel.Cli;
using InfluenceModel.Cli.Commands;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Cli;

/// <summary>
/// The pieces the graph commands share (GraphSettings, DiffusionModelOption, CommonOptions.CheckFormat, GraphInput.Describe
/// and CheckFolderOf, the GraphReport JSON header): each says what every command said before it was shared.
/// </summary>
public sealed class SharedGraphOptionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-shared-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("ic", typeof(IndependentCascade))]
    [InlineData("lt", typeof(LinearThreshold))]
    [InlineData("kelman", typeof(KelmanInfluence))]
    public void DiffusionModelOption_NamesItsModel(string name, Type expected)
    {
        Assert.Null(DiffusionModelOption.Check(name));
        Assert.IsType(expected, DiffusionModelOption.Create(name));
    }

    [Theory]
    [InlineData("IC")]
    [InlineData("sir")]
    [InlineData("")]
    public void DiffusionModelOption_OtherName_IsTheOneErrorAndCannotCreate(string name)
    {
        Assert.Equal($"--model must be ic, lt or kelman; it was '{name}'.", DiffusionModelOption.Check(name));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DiffusionModelOption.Create(name));
        Assert.Equal("model", ex.ParamName);
    }

    [Fact]
    public void CheckFormat_TableAndJson_Pass_OtherValuesAreShownAsGivenOrEscaped()
    {
        Assert.Null(CommonOptions.CheckFormat("table"));
        Assert.Null(CommonOptions.CheckFormat("json", escape: true));
        Assert.Equal("--format must be table or json; it was 'xml'.", CommonOptions.CheckFormat("xml"));
        Assert.Equal("--format must be table or json; it was 'Json'.", CommonOptions.CheckFormat("Json", escape: true));
        Assert.Equal("--format must be table or json; it was 'a\u001Bb'.", CommonOptions.CheckFormat("a\u001Bb"));
        Assert.Equal("--format must be table or json; it was 'a\\x1Bb'.", CommonOptions.CheckFormat("a\u001Bb", escape: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void CheckGraph_MissingOrBlank_IsRequired(string? graph)
    {
        Assert.Equal("--graph is required.", GraphSettings.CheckGraph(graph));
    }

    [Fact]
    public void CheckGraph_GivenPath_Passes() => Assert.Null(GraphSettings.CheckGraph("g.txt"));

    [Fact]
    public void Describe_StatesSize_AndWeightsOnlyWhenAsked()
    {
        SocialGraph weighted = SocialGraph.FromEdges(3, [new Edge(0, 1, 0.5f), new Edge(1, 2, 0.25f)]);
        Assert.Equal("3 nodes, 2 arcs", GraphInput.Describe(weighted));
        Assert.Equal("3 nodes, 2 arcs, weighted", GraphInput.Describe(weighted, weights: true));
        Assert.Equal("3 nodes, 2 arcs, no weights", GraphInput.Describe(weighted.WithoutWeights(), weights: true));
    }

    [Fact]
    public void CheckFolderOf_MissingFolder_IsOneInputError_ExistingFolderPasses()
    {
        GraphInput.CheckFolderOf(Path.Combine(_folder, "g.imgraph"));
        string missing = Path.Combine(_folder, "absent", "g.imgraph");
        var ex = Assert.Throws<CliInputException>(() => GraphInput.CheckFolderOf(missing));
        Assert.Equal($"The folder of {missing} does not exist.", ex.Message);
    }

    [Theory]
    [InlineData("spread", "--seed-nodes", "alice", "--simulations", "10")]
    [InlineData("seeds", "--count", "1")]
    [InlineData("opinion", "--model", "degroot", "--max-periods", "3")]
    public void GraphReports_StartWithTheSharedHeader(params string[] rest)
    {
        string graph = Path.Combine(_folder, "g.txt");
        File.WriteAllText(graph, "alice bob\nbob carol\n");
        var (code, output, error) = CliHarness.Run(80, [rest[0], "--graph", graph, .. rest[1..], "--format", "json"]);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        string[] names = [.. json.RootElement.EnumerateObject().Select(p => p.Name)];
        Assert.Equal(["graph", "nodes", "arcs", "model", rest[0] == "opinion" ? "kind" : "probability"], names[..5]);
        Assert.Equal(graph, json.RootElement.GetProperty("graph").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("nodes").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("arcs").GetInt32());
    }
}
