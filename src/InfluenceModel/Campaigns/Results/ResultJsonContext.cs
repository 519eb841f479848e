using System.Text.Json.Serialization;

namespace InfluenceModel.Campaigns;

/// <summary>System.Text.Json source-generated metadata for campaign results: camelCase, enums as strings, indented.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(CampaignResult))]
[JsonSerializable(typeof(CampaignComparison))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
