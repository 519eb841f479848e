using System.Text.Json.Serialization;

namespace InfluenceModel.Campaigns;

/// <summary>System.Text.Json source-generated metadata for scenarios: camelCase, enums as camelCase strings,
/// unknown members rejected, nulls rejected where the type is non-nullable.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    UseStringEnumConverter = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true)]
[JsonSerializable(typeof(CampaignScenario))]
[JsonSerializable(typeof(PhaseSettings))]
[JsonSerializable(typeof(ChannelSettings))]
[JsonSerializable(typeof(SegmentSettings))]
[JsonSerializable(typeof(CampaignResult))]
[JsonSerializable(typeof(CampaignComparison))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
