using System.Text.Json.Serialization;
using InfluenceModel.Budgeting;
using InfluenceModel.Channels;
using InfluenceModel.Cli.Commands;
using InfluenceModel.Community;
using InfluenceModel.Internal;

namespace InfluenceModel.Cli;

/// <summary>
/// Source-generated JSON metadata for everything the CLI reads and prints (no reflection serializer, so the tool also
/// runs as a Native AOT binary). Each reader/writer keeps its own <c>JsonSerializerOptions</c> (naming, strictness) with
/// this context as its resolver; the reports are typed records with the property names and order the JSON shows.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(SeedsReport))]
[JsonSerializable(typeof(SpreadReport))]
[JsonSerializable(typeof(ChannelsReport))]
[JsonSerializable(typeof(BudgetReport))]
[JsonSerializable(typeof(CommunityDocument))]
[JsonSerializable(typeof(MmmReport))]
[JsonSerializable(typeof(BudgetInput))]
[JsonSerializable(typeof(ChannelsInput))]
[JsonSerializable(typeof(CommunityRoiInputs))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>The CLI's input types whose omitted init-only properties keep their declared defaults (<see cref="JsonDefaults"/>).</summary>
    public static void RegisterDefaults()
    {
        JsonDefaults.Register<BudgetInput>();
        JsonDefaults.Register<BudgetInput.StrategyInput>();
        JsonDefaults.Register<BudgetInput.ChannelInput>();
        JsonDefaults.Register<BudgetInput.ReserveSearchInput>();
        JsonDefaults.Register<OpportunityProcess>();
        JsonDefaults.Register<ChannelsInput>();
        JsonDefaults.Register<ChannelsInput.SegmentDto>();
        JsonDefaults.Register<ChannelsInput.ChannelDto>();
        JsonDefaults.Register<ChannelsInput.CurveDto>();
        JsonDefaults.Register<CommunityRoiInputs>();
    }
}

/// <summary>A 95% interval as the reports print it.</summary>
internal sealed record IntervalReport(double Lower, double Upper)
{
    public static IntervalReport From(ConfidenceInterval interval) => new(interval.Lower, interval.Upper);
}

/// <summary>What `influence seeds --format json` prints.</summary>
internal sealed record SeedsReport
{
    public required string? Graph { get; init; }

    public required int Nodes { get; init; }

    public required int Arcs { get; init; }

    public required string Model { get; init; }

    public required string Probability { get; init; }

    public required string Algorithm { get; init; }

    public required double? Epsilon { get; init; }

    public required IReadOnlyList<string> Seeds { get; init; }

    public required IReadOnlyList<double> MarginalGains { get; init; }

    public required double EstimatedSpread { get; init; }

    public required double StandardError { get; init; }

    public required IntervalReport Interval95 { get; init; }

    public required double? ApproximationGuarantee { get; init; }

    public required long? RrSetCount { get; init; }

    public required double? TotalCost { get; init; }

    public required double ElapsedSeconds { get; init; }

    public required ulong Seed { get; init; }
}

/// <summary>What `influence spread --format json` prints.</summary>
internal sealed record SpreadReport
{
    public required string? Graph { get; init; }

    public required int Nodes { get; init; }

    public required int Arcs { get; init; }

    public required string Model { get; init; }

    public required string Probability { get; init; }

    public required IReadOnlyList<string> Seeds { get; init; }

    public required double Mean { get; init; }

    public required double StandardError { get; init; }

    public required IntervalReport Interval95 { get; init; }

    public required long Simulations { get; init; }

    public required ulong Seed { get; init; }
}

/// <summary>What `influence channels --format json` prints.</summary>
internal sealed record ChannelsReport
{
    public required IReadOnlyList<ChannelAllocation> Selected { get; init; }

    public required IReadOnlyList<ExcludedChannel> Excluded { get; init; }

    public required double ExpectedReach { get; init; }

    public required double ExpectedResponse { get; init; }

    public required double TotalCost { get; init; }

    public required double ResponsePerSpend { get; init; }

    public required double Unspent { get; init; }

    public required string Method { get; init; }

    public required bool IsProvenOptimal { get; init; }
}

/// <summary>What `influence budget --format json` prints.</summary>
internal sealed record BudgetReport(BudgetComparison Comparison, ReserveCurve ReserveCurve);

/// <summary>What `influence community --format json` prints.</summary>
internal sealed record CommunityDocument
{
    public required int? BreakEvenPeriod { get; init; }

    public required int? PaybackPeriod { get; init; }

    public required double NetPresentValue { get; init; }

    public required double? ReturnOnInvestment { get; init; }

    public required double? TippingPointMembers { get; init; }

    public required CommunityRoiInputs Inputs { get; init; }

    public required IReadOnlyList<CommunityRoiPoint> Points { get; init; }

    public required IReadOnlyList<CommunityRoiSensitivity> Sensitivity { get; init; }
}
