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

    /// <summary><see cref="OpinionInfluence"/> with <see cref="Opinions.SirWordOfMouth"/>: customers tell others, then stop.</summary>
    [JsonStringEnumMemberName("sir")]
    Sir,

    /// <summary><see cref="OpinionInfluence"/> with <see cref="Opinions.SisWordOfMouth"/>: customers tell others, then lapse and can be won again.</summary>
    [JsonStringEnumMemberName("sis")]
    Sis,
}

/// <summary>
/// The influence model in a scenario: the model and, for Kelman, the <see cref="KelmanInfluence"/> properties to set; for
/// SIR and SIS word of mouth (<see cref="OpinionInfluence"/>) <see cref="Transmission"/> or
/// <see cref="PerArcTransmission"/>, <see cref="Recovery"/> and <see cref="RoundsPerPeriod"/>. A property left null keeps
/// the model's own default (the one place of each default); a property of another model must be absent.
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

    /// <summary>Influence rounds within one campaign period: <see cref="KelmanInfluence.MaxPeriods"/> (kelman) or <see cref="OpinionInfluence.RoundsPerPeriod"/> (sir, sis).</summary>
    public int? RoundsPerPeriod { get; init; }

    /// <summary><see cref="KelmanInfluence.ReversibleCompliance"/>.</summary>
    public bool? ReversibleCompliance { get; init; }

    /// <summary><see cref="KelmanInfluence.AttitudeTolerance"/>.</summary>
    public double? AttitudeTolerance { get; init; }

    /// <summary><see cref="Opinions.WordOfMouthModel.Transmission"/> β (sir, sis).</summary>
    public double? Transmission { get; init; }

    /// <summary><see cref="Opinions.WordOfMouthModel.Recovery"/> γ (sir, sis).</summary>
    public double? Recovery { get; init; }

    /// <summary>
    /// <see cref="Opinions.WordOfMouthModel.PerArcTransmission"/> (sir, sis): when true, each tie u → v tells with its
    /// peer-influence weight λ/indeg(v) (<see cref="ConsumerPopulation.PeerInfluence"/>) instead of a uniform
    /// <see cref="Transmission"/>, which must then be absent. Null or false: the uniform β.
    /// </summary>
    public bool? PerArcTransmission { get; init; }
}
