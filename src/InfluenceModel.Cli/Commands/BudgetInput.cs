using System.Text.Json;
using System.Text.Json.Serialization;
using InfluenceModel.Budgeting;

namespace InfluenceModel.Cli.Commands;

/// <summary>
/// The JSON plan file of `influence budget` (camelCase; unknown properties are rejected; see
/// <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/examples/budget-plan.json">docs/examples/budget-plan.json</see>). Maps onto <see cref="BudgetPlanBuilder"/>, whose validation names the bad field.
/// </summary>
internal sealed class BudgetInput
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        NumberHandling = JsonNumberHandling.Strict,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    public StrategyInput? Strategy { get; init; }

    public double AnnualTotal { get; init; }

    public int Periods { get; init; } = 52;

    public double ReserveShare { get; init; }

    public List<ChannelInput> Channels { get; init; } = [];

    public OpportunityProcess Opportunities { get; init; } = new();

    public double HurdleRate { get; init; }

    public int ReforecastEvery { get; init; } = 13;

    public ReserveSearchInput ReserveSearch { get; init; } = new();

    public ulong Seed { get; init; }

    /// <summary>
    /// When true, the channels' amounts are a shape, scaled to the committed budget (1 − reserveShare) × annualTotal (the
    /// library's <see cref="BudgetPlanBuilder.Commit"/> semantics). Default false: they are money and must add up to it.
    /// </summary>
    public bool ScaleAllocations { get; init; }

    public static BudgetInput Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Plan file '{path}' was not found.", path);
        }

        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<BudgetInput>(stream, JsonOptions)
            ?? throw new CliInputException($"Plan file '{path}' is empty (null).");
    }

    public BudgetPlan ToPlan()
    {
        var s = Strategy ?? throw new CliInputException(
            "The plan needs a \"strategy\" {objective, audience, kpi}: a budget needs a strategy (objective, audience, KPI).");
        var builder = new BudgetPlanBuilder().ForStrategy(new Strategy(s.Objective ?? "", s.Audience ?? "", s.Kpi ?? ""));

        builder.WithAnnualTotal(AnnualTotal).WithPeriods(Periods).WithReserveShare(ReserveShare);
        double entered = 0;
        foreach (var channel in Channels)
        {
            double[] allocation = channel.AllocationFor(Periods);
            entered += allocation.Sum();
            builder.Commit(channel.Name ?? "", channel.ReturnMultiple, allocation, channel.FirstImpression);
        }

        // The amounts are money: a plan whose channels add up to more (or less) than the committed budget is refused
        // rather than silently rescaled (5.2M a year against a 1.04M budget used to run without a word).
        double committed = (1 - ReserveShare) * AnnualTotal;
        if (!ScaleAllocations && Channels.Count > 0 && Math.Abs(entered - committed) > 0.005 + (1e-9 * committed))
        {
            throw new CliInputException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"the channels' amounts add up to {entered:N2} a year, but the committed budget is (1 − reserveShare) × annualTotal = (1 − {ReserveShare}) × {AnnualTotal:N2} = {committed:N2}; make them add up, or set \"scaleAllocations\": true to use them as a shape scaled to the committed budget."));
        }

        return builder.Build();
    }

    public ReserveRequest ToReserveRequest(BudgetPlan plan) => new()
    {
        Plan = plan,
        Opportunities = Opportunities,
        Range = new ReserveRange(ReserveSearch.Minimum, ReserveSearch.Maximum),
        Points = ReserveSearch.Points,
        Objective = ReserveSearch.Objective,
        HurdleRate = HurdleRate,
    };

    internal sealed class StrategyInput
    {
        public string? Objective { get; init; }

        public string? Audience { get; init; }

        public string? Kpi { get; init; }
    }

    internal sealed class ChannelInput
    {
        public string? Name { get; init; }

        public double ReturnMultiple { get; init; }

        /// <summary>One allocation per period; or use <see cref="PerPeriod"/> from <see cref="StartPeriod"/> on.</summary>
        public double[]? Allocation { get; init; }

        public double? PerPeriod { get; init; }

        public int StartPeriod { get; init; }

        public FirstImpressionRisk? FirstImpression { get; init; }

        public double[] AllocationFor(int periods)
        {
            if (Allocation is not null)
            {
                if (PerPeriod is not null)
                {
                    throw new CliInputException($"Channel '{Name}': give either allocation or perPeriod, not both.");
                }

                return Allocation;
            }

            if (PerPeriod is not { } amount)
            {
                throw new CliInputException($"Channel '{Name}': give allocation (one amount per period) or perPeriod.");
            }

            if (StartPeriod < 0 || StartPeriod >= periods)
            {
                throw new CliInputException($"Channel '{Name}': startPeriod must be in [0, {periods - 1}]; it was {StartPeriod}.");
            }

            var allocation = new double[periods];
            for (int t = StartPeriod; t < periods; t++)
            {
                allocation[t] = amount;
            }

            return allocation;
        }
    }

    internal sealed class ReserveSearchInput
    {
        public double Minimum { get; init; }

        public double Maximum { get; init; } = 0.5;

        public int Points { get; init; } = 21;

        public ReserveObjective Objective { get; init; } = ReserveObjective.Mean;
    }
}
