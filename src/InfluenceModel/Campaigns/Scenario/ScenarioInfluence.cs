using System.Text.Json.Serialization;
using InfluenceModel.Diffusion;

namespace InfluenceModel.Campaigns;

/// <summary>Which network influence model carries word of mouth between consumers.</summary>
public enum InfluenceModelKind
{
    /// <summary><see cref="KelmanInfluence"/>: compliance, identification, internalization.</summary>
    [JsonStringEnumMemberName("kelman")]
    Kelman,

    /// <summary><see cref="LinearThreshold"/>.</summary>
    [JsonStringEnumMemberName("linearThreshold")]
    LinearThreshold,

    /// <summary><see cref="IndependentCascade"/>.</summary>
    [JsonStringEnumMemberName("independentCascade")]
    IndependentCascade,
}

/// <summary>
/// The influence model in a scenario: the model and, for Kelman, the <see cref="KelmanInfluence"/> properties to set.
/// A property left null keeps <see cref="KelmanInfluence"/>'s own default (the one place of each default); the Kelman
/// properties must be absent for the other models.
/// </summary>
public sealed record ScenarioInfluence : IScenarioSection
{
    void IScenarioSection.Check(string path, ScenarioProblems problems) => ScenarioMapping.MapInfluence(problems, path, this);

    /// <summary>The model. Default <see cref="InfluenceModelKind.Kelman"/>.</summary>
    public InfluenceModelKind Model { get; init; } = InfluenceModelKind.Kelman;

    /// <summary><see cref="KelmanInfluence.Identification"/> γ.</summary>
    public double? Identification { get; init; }

    /// <summary><see cref="KelmanInfluence.InternalizationThreshold"/> τ.</summary>
    public double? InternalizationThreshold { get; init; }

    /// <summary><see cref="KelmanInfluence.Stubbornness"/> s.</summary>
    public double? Stubbornness { get; init; }

    /// <summary><see cref="KelmanInfluence.MaxPeriods"/>: influence rounds within one campaign period.</summary>
    public int? RoundsPerPeriod { get; init; }

    /// <summary><see cref="KelmanInfluence.ReversibleCompliance"/>.</summary>
    public bool? ReversibleCompliance { get; init; }

    /// <summary><see cref="KelmanInfluence.AttitudeTolerance"/>.</summary>
    public double? AttitudeTolerance { get; init; }
}
