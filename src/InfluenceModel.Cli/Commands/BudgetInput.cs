using System.Text.Json;
using System.Text.Json.Serialization;
using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;

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
        Converters = { new JsonStringEnumConverter<ReserveObjective>(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
        TypeInfoResolver = CliJsonContext.Default,
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

    /// <summary>Reads the plan file with the shared JSON reader: every problem is one line with its JSON path.</summary>
    public static BudgetInput Read(string path) => InputFile.Read<BudgetInput>(path, "--input", JsonOptions);

    /// <summary>The plan, the policies' settings and the reserve search, every domain failure reported at its JSON path.</summary>
    public (BudgetPlan Plan, ReserveRequest Reserve) ToRequests(string path)
    {
        var problems = new List<string>();
        void At(string at, Action action)
        {
            try
            {
                action();
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{path}: {at} {ScenarioProblems.MessageOf(ex)}");
            }
            catch (CliInputException ex)
            {
                problems.Add($"{path}: {at} {ex.Message}");
            }
        }

        var builder = new BudgetPlanBuilder();
        if (Strategy is not { } s)
        {
            problems.Add($"{path}: $.strategy is required: {{\"objective\": …, \"audience\": …, \"kpi\": …}} (a budget needs a strategy)");
        }
        else
        {
            At("$.strategy", () => builder.ForStrategy(new Strategy(s.Objective ?? "", s.Audience ?? "", s.Kpi ?? "")));
        }

        At("$.annualTotal", () => builder.WithAnnualTotal(AnnualTotal));
        At("$.periods", () => builder.WithPeriods(Periods));
        At("$.reserveShare", () => builder.WithReserveShare(ReserveShare));
        double entered = 0;
        for (int i = 0; i < Channels.Count; i++)
        {
            ChannelInput channel = Channels[i];
            string at = $"$.channels[{i}]";
            At(at, () =>
            {
                double[] allocation = channel.AllocationFor(Periods);
                entered += allocation.Sum();
                try
                {
                    builder.Commit(channel.Name ?? "", channel.ReturnMultiple, allocation, channel.FirstImpression);
                }
                catch (ArgumentException ex)
                {
                    throw new CliInputException(ScenarioProblems.PathOf("", ex.ParamName).TrimStart('.') is { Length: > 0 } member
                        ? $".{member} {ScenarioProblems.MessageOf(ex)}"
                        : ScenarioProblems.MessageOf(ex));
                }
            });
        }

        // The amounts are money: a plan whose channels add up to more (or less) than the committed budget is refused
        // rather than silently rescaled (5.2M a year against a 1.04M budget used to run without a word).
        double committed = (1 - ReserveShare) * AnnualTotal;
        if (problems.Count == 0 && !ScaleAllocations && Channels.Count > 0 && Math.Abs(entered - committed) > 0.005 + (1e-9 * committed))
        {
            problems.Add(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{path}: $.channels the channels' amounts add up to {entered:N2} a year, but the committed budget is (1 − reserveShare) × annualTotal = (1 − {ReserveShare}) × {AnnualTotal:N2} = {committed:N2}; make them add up, or set \"scaleAllocations\": true to use them as a shape scaled to the committed budget"));
        }

        At("$.reforecastEvery", () => _ = new RollingReforecastPolicy(ReforecastEvery));
        At("$.hurdleRate", () => _ = new ReservePolicy(0, HurdleRate));
        ReserveRange range = default;
        At("$.reserveSearch", () => range = new ReserveRange(ReserveSearch.Minimum, ReserveSearch.Maximum));
        if (problems.Count > 0)
        {
            throw new CliInputException(problems.Select(p => p.Replace("] .", "].", StringComparison.Ordinal)).ToArray());
        }

        BudgetPlan plan;
        try
        {
            plan = builder.Build();
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException($"{path}: $.channels {ScenarioProblems.MessageOf(ex)}");
        }

        try
        {
            var reserve = new ReserveRequest
            {
                Plan = plan,
                Opportunities = Opportunities,
                Range = range,
                Points = ReserveSearch.Points,
                Objective = ReserveSearch.Objective,
                HurdleRate = HurdleRate,
            };
            return (plan, reserve);
        }
        catch (ArgumentException ex)
        {
            string at = ex.ParamName switch
            {
                nameof(ReserveRequest.Points) => "$.reserveSearch.points",
                nameof(ReserveRequest.Objective) => "$.reserveSearch.objective",
                nameof(ReserveRequest.HurdleRate) => "$.hurdleRate",
                nameof(ReserveRequest.Opportunities) => "$.opportunities",
                _ => "$.reserveSearch",
            };
            throw new CliInputException($"{path}: {at} {ScenarioProblems.MessageOf(ex)}");
        }
    }

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
                    throw new CliInputException("gives both allocation and perPeriod; give one of them.");
                }

                return Allocation;
            }

            if (PerPeriod is not { } amount)
            {
                throw new CliInputException("needs allocation (one amount per period) or perPeriod.");
            }

            if (StartPeriod < 0 || StartPeriod >= periods)
            {
                throw new CliInputException($".startPeriod must be in [0, {periods - 1}]; it was {StartPeriod}.");
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
