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
[JsonSerializable(typeof(OpinionReport))]
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

/// <summary>
/// The first properties of the graph commands' JSON (`seeds`, `spread`, `opinion`): the `--graph` path as given, the
/// graph's node and arc counts and the model's name. The source-generated serializer writes a derived record's own
/// properties before its base's, so these carry negative <see cref="JsonPropertyOrderAttribute"/>s: every report starts
/// with them, as it did when each report declared them itself.
/// </summary>
internal abstract record GraphReport
{
    [JsonPropertyOrder(-4)]
    public required string? Graph { get; init; }

    [JsonPropertyOrder(-3)]
    public required int Nodes { get; init; }

    [JsonPropertyOrder(-2)]
    public required int Arcs { get; init; }

    [JsonPropertyOrder(-1)]
    public required string Model { get; init; }
}

/// <summary>What `influence seeds --format json` prints.</summary>
internal sealed record SeedsReport : GraphReport
{
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

    /// <summary>With --cluster only: bytes exchanged and RR sets per silo (left out of local runs' JSON).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClusterReport? Cluster { get; init; }
}

/// <summary>What `influence spread --format json` prints.</summary>
internal sealed record SpreadReport : GraphReport
{
    public required string Probability { get; init; }

    public required IReadOnlyList<string> Seeds { get; init; }

    public required double Mean { get; init; }

    public required double StandardError { get; init; }

    public required IntervalReport Interval95 { get; init; }

    public required long Simulations { get; init; }

    public required ulong Seed { get; init; }
}

/// <summary>An <see cref="Estimate"/> as the reports print it.</summary>
internal sealed record EstimateReport(double Mean, double StandardError, IntervalReport Interval95, long Count)
{
    public static EstimateReport From(Estimate e) => new(e.Mean, e.StandardError, IntervalReport.From(e.Interval95), e.Count);
}

/// <summary>What `influence opinion --format json` prints (and writes to opinion.json).</summary>
internal sealed record OpinionReport : GraphReport
{
    public required string Kind { get; init; }

    public required string Probability { get; init; }

    public required int Simulations { get; init; }

    public required ulong Seed { get; init; }

    public required EstimateReport FinalMean { get; init; }

    public required EstimateReport Periods { get; init; }

    public required EstimateReport Converged { get; init; }

    public required EstimateReport? Clusters { get; init; }

    public required EstimateReport? FixationProbability { get; init; }

    public required IReadOnlyList<OpinionSegmentReport>? Segments { get; init; }

    public required IReadOnlyList<string> ShareLabels { get; init; }

    public required IReadOnlyList<OpinionPeriodReport> Trajectory { get; init; }

    public required IReadOnlyList<NodeValueReport> FinalOpinions { get; init; }
}

/// <summary>One segment's mean final opinion in <see cref="OpinionReport"/>.</summary>
internal sealed record OpinionSegmentReport(string Segment, int Nodes, double MeanFinal);

/// <summary>One period of <see cref="OpinionReport.Trajectory"/>.</summary>
internal sealed record OpinionPeriodReport(int Period, double Mean, double Minimum, double Maximum, IReadOnlyList<double> Shares);

/// <summary>One node's final value in <see cref="OpinionReport"/>.</summary>
internal sealed record NodeValueReport(string Id, double Value);

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
