using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Networks;

/// <summary>
/// A convention as data (what InfluenceModel.Orleans sends to the silos) rebuilds the same convention: the same name and
/// bit-identical weights on a graph, for every kind.
/// </summary>
public sealed class EdgeProbabilityDefinitionTests
{
    public static TheoryData<string> Kinds => ["wc", "weights", "uniform", "trivalency"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FromDefinition_OfDefinition_GivesTheSameWeights(string kind)
    {
        EdgeProbabilities convention = kind switch
        {
            "wc" => EdgeProbabilities.WeightedCascade,
            "weights" => EdgeProbabilities.FromWeights,
            "uniform" => EdgeProbabilities.Uniform(0.0375),
            _ => EdgeProbabilities.Trivalency(0xDEADBEEFCAFEUL),
        };
        SocialGraph graph = SocialGraph.FromEdges(30, [.. Enumerable.Range(0, 120).Select(i => new Edge(i % 30, (i * 7 + 3) % 30, 0.5f))]);

        EdgeProbabilities rebuilt = EdgeProbabilities.FromDefinition(convention.Definition);

        Assert.Equal(convention.Name, rebuilt.Name);
        Assert.Equal(convention.Definition, rebuilt.Definition);
        Assert.Equal(graph.WithEdgeProbabilities(convention).OutWeightArray, graph.WithEdgeProbabilities(rebuilt).OutWeightArray);
        Assert.Equal(graph.WithEdgeProbabilities(convention).InWeightArray, graph.WithEdgeProbabilities(rebuilt).InWeightArray);
    }

    [Fact]
    public void FromDefinition_BadInput_Throws()
    {
        var unknown = new EdgeProbabilityDefinition((EdgeProbabilityKind)99, 0, 0);
        Assert.Equal("definition", Assert.Throws<ArgumentOutOfRangeException>(() => EdgeProbabilities.FromDefinition(unknown)).ParamName);

        var badUniform = new EdgeProbabilityDefinition(EdgeProbabilityKind.Uniform, 1.5, 0);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => EdgeProbabilities.FromDefinition(badUniform)).ParamName);
    }
}
