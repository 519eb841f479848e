using InfluenceModel.Networks;
using InfluenceModel.Opinions;

namespace InfluenceModel.Tests.Opinions;

/// <summary>Bad input: the exception type and the parameter (or property) it names.</summary>
public class OpinionInputTests
{
    private static readonly SocialGraph Graph = GraphGenerators.ErdosRenyi(10, 30, seed: 1);

    public static TheoryData<string, Func<object>> BadModels => new()
    {
        { "SelfWeight", () => new DeGrootModel { SelfWeight = 1 } },
        { "SelfWeight", () => new DeGrootModel { SelfWeight = double.NaN } },
        { "Stubbornness", () => new FriedkinJohnsenModel { Stubbornness = -0.1 } },
        { "StubbornnessByNode", () => new FriedkinJohnsenModel { StubbornnessByNode = [0.5, 1.5] } },
        { "Confidence", () => new HegselmannKrauseModel { Confidence = 0 } },
        { "Confidence", () => new DeffuantWeisbuchModel { Confidence = 1.01 } },
        { "Convergence", () => new DeffuantWeisbuchModel { Convergence = 0.6 } },
        { "Convergence", () => new DeffuantWeisbuchModel { Convergence = 0 } },
        { "GroupSize", () => new MajorityRuleModel { GroupSize = 4 } },
        { "GroupSize", () => new MajorityRuleModel { GroupSize = 1 } },
        { "GroupSize", () => new MajorityRuleModel { GroupSize = 103 } },
        { "Transmission", () => new SirWordOfMouth { Transmission = 1.5 } },
        { "Recovery", () => new SirWordOfMouth { Recovery = 0 } },
        { "Transmission", () => new SisWordOfMouth { Transmission = double.PositiveInfinity } },
        { "Recovery", () => new SisWordOfMouth { Recovery = 2 } },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public void ModelParameterOutOfRange_Throws_NamingTheParameter(string parameter, Func<object> build)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(build);
        Assert.Equal(parameter, e.ParamName);
    }

    public static TheoryData<string, Func<object>> BadRequests => new()
    {
        { "MaxPeriods", () => new OpinionRequest(Graph, new VoterModel(), new double[10]) { MaxPeriods = 0 } },
        { "MaxPeriods", () => new OpinionRequest(Graph, new VoterModel(), new double[10]) { MaxPeriods = 100_001 } },
        { "Tolerance", () => new OpinionRequest(Graph, new DeGrootModel(), new double[10]) { Tolerance = 0.01 } },
        { "Tolerance", () => new OpinionRequest(Graph, new DeGrootModel(), new double[10]) { Tolerance = 0 } },
        { "Bins", () => new OpinionRequest(Graph, new DeGrootModel(), new double[10]) { Bins = 0 } },
        { "initialOpinions", () => new OpinionRequest(Graph, new DeGrootModel(), [.. new double[9], 1.5]) },
        { "initialOpinions", () => new OpinionRequest(Graph, new HegselmannKrauseModel(), [.. new double[9], double.NaN]) },
        { "initialOpinions", () => new OpinionRequest(Graph, new VoterModel(), [.. new double[9], 0.5]) },
        { "initialOpinions", () => new OpinionRequest(Graph, new SirWordOfMouth(), [.. new double[9], 2]) },
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PerArcTransmission_WithAWeightAboveOne_IsRejectedNamingTheGraph(bool lapses)
    {
        var g = SocialGraph.FromEdges(3, [new(0, 1, 0.5f), new(1, 2, 1.5f)]);
        WordOfMouthModel model = lapses ? new SisWordOfMouth { PerArcTransmission = true } : new SirWordOfMouth { PerArcTransmission = true };
        var e = Assert.Throws<ArgumentException>(() => OpinionSimulator.Simulate(new OpinionRequest(g, model, [1, 0, 0]), new SimulationOptions { Simulations = 2 }));
        Assert.Equal("graph", e.ParamName);
        Assert.Contains("'1' → '2'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void RequestValueOutOfRange_Throws_NamingTheParameter(string parameter, Func<object> build)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(build);
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(parameter, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongNumberOfInitialOpinions_Throws_NamingTheParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => new OpinionRequest(Graph, new DeGrootModel(), new double[9]));
        Assert.Equal("initialOpinions", e.ParamName);
    }

    [Fact]
    public void NullArguments_Throw_NamingTheParameter()
    {
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => new OpinionRequest(null!, new VoterModel(), new double[10])).ParamName);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => new OpinionRequest(Graph, null!, new double[10])).ParamName);
        Assert.Equal("initialOpinions", Assert.Throws<ArgumentNullException>(() => new OpinionRequest(Graph, new VoterModel(), null!)).ParamName);
        Assert.Equal("request", Assert.Throws<ArgumentNullException>(() => OpinionSimulator.Simulate(null!)).ParamName);
    }

    [Fact]
    public void PerNodeStubbornnessOfTheWrongLength_Throws_NamingTheProperty()
    {
        var request = new OpinionRequest(Graph, new FriedkinJohnsenModel { StubbornnessByNode = [0.5, 0.5] }, new double[10]);
        var e = Assert.Throws<ArgumentException>(() => OpinionSimulator.Simulate(request));
        Assert.Equal("StubbornnessByNode", e.ParamName);
    }
}
