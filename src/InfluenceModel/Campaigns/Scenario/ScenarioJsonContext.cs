using System.Text.Json.Serialization;

namespace InfluenceModel.Campaigns;

/// <summary>
/// Source-generated JSON metadata for the scenario and every type it holds, so reading and writing scenarios needs no
/// reflection-based serializer (trimmed and Native AOT hosts, <c>IsAotCompatible</c>). The reader settings themselves
/// (unknown members rejected, nullable annotations respected, computed properties left out) are
/// <see cref="ScenarioJson.Options"/>; omitted init-only properties keep their declared defaults through
/// <see cref="Internal.JsonDefaults"/>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(CampaignScenario))]
internal sealed partial class ScenarioJsonContext : JsonSerializerContext;
