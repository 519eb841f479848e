using FsCheck;
using FsCheck.Fluent;
using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;

namespace InfluenceModel.Orleans.Tests;

/// <summary>
/// The core seams the distributed Monte Carlo rests on, checked in process on random splits: simulating index ranges
/// and joining them in index order gives exactly (bit for bit) the values of one range over all the indices.
/// </summary>
public sealed class MonteCarloSeamTests
{
    private static readonly Campaign Campaign = DistributedMonteCarloTests.SmallCampaign(InfluenceModelKind.LinearThreshold);

    /// <summary>Cut points of [0, total) into at most <paramref name="parts"/> consecutive ranges of random sizes.</summary>
    private static List<(int First, int Count)> Split(int total, int parts, int salt)
    {
        var cuts = new SortedSet<int> { 0, total };
        var random = new Random(salt);
        for (int i = 1; i < parts; i++)
        {
            cuts.Add(random.Next(0, total + 1));
        }

        int[] c = [.. cuts];
        return [.. Enumerable.Range(0, c.Length - 1).Select(i => (c[i], c[i + 1] - c[i]))];
    }

    private static bool Same(double[] a, double[] b) =>
        a.Length == b.Length && a.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Select(BitConverter.DoubleToInt64Bits));

    [FsCheck.Xunit.Property(MaxTest = 15)]
    public Property BudgetYearRanges_Concatenated_EqualOneRange(PositiveInt years, PositiveInt parts, int salt, ulong seed)
    {
        int n = 1 + (years.Get % 300);
        // The knapsack policy's tables are built per range (slow); the cluster tests cover it.
        BudgetComparisonRequest request = DistributedMonteCarloTests.Comparison() with { Policies = [new AnnualFixedPolicy(), new ReservePolicy(0.3, 0.1), new RollingReforecastPolicy(4)] };
        BudgetSimulator.Samples[] whole = BudgetSimulator.SimulateYears(request, seed, 0, n, 1, null, default);
        var ranges = Split(n, 1 + (parts.Get % 7), salt).Select(r => BudgetSimulator.SimulateYears(request, seed, r.First, r.Count, 2, null, default)).ToList();
        bool same = Enumerable.Range(0, whole.Length).All(k =>
        {
            BudgetSimulator.Samples joined = BudgetSimulator.Samples.Concat([.. ranges.Select(r => r[k])]);
            return Same(whole[k].Value, joined.Value) && Same(whole[k].Captured, joined.Captured) && Same(whole[k].Unspent, joined.Unspent) && Same(whole[k].Regret, joined.Regret);
        });
        return same.ToProperty();
    }

    [FsCheck.Xunit.Property(MaxTest = 15)]
    public Property ReserveYearRanges_Concatenated_EqualOneRange(PositiveInt years, PositiveInt parts, int salt, ulong seed)
    {
        int n = 1 + (years.Get % 300);
        var request = new ReserveRequest { Plan = DistributedMonteCarloTests.Plan(), Opportunities = DistributedMonteCarloTests.Process(), Points = 5 };
        double[][] whole = ReserveOptimizer.Simulate(request, seed, 0, n, 1, null, default);
        var ranges = Split(n, 1 + (parts.Get % 7), salt).Select(r => ReserveOptimizer.Simulate(request, seed, r.First, r.Count, 2, null, default)).ToList();
        return Enumerable.Range(0, whole.Length).All(g => Same(whole[g], [.. ranges.SelectMany(r => r[g])])).ToProperty();
    }

    [FsCheck.Xunit.Property(MaxTest = 8)]
    public Property CampaignRunRanges_Inserted_EqualOneRange(PositiveInt runs, PositiveInt parts, int salt, ulong seed)
    {
        int n = 1 + (runs.Get % 12);
        CampaignSamples whole = CampaignSimulation.Simulate(Campaign, seed, 0, n, 1, null, default);
        var joined = new CampaignSamples(n, Campaign.Periods, Campaign.Planned.Length);
        foreach ((int first, int count) in Split(n, 1 + (parts.Get % 4), salt))
        {
            joined.Insert(first, count, CampaignSimulation.Simulate(Campaign, seed, first, count, 2, null, default).Columns());
        }

        double[][] expected = whole.Columns(), actual = joined.Columns();
        return (expected.Length == actual.Length && Enumerable.Range(0, expected.Length).All(k => Same(expected[k], actual[k]))).ToProperty();
    }

    [Fact]
    public void Insert_ColumnsOfTheWrongShape_Throws()
    {
        var samples = new CampaignSamples(4, Campaign.Periods, Campaign.Planned.Length);
        double[][] part = new CampaignSamples(2, Campaign.Periods, Campaign.Planned.Length).Columns();

        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => samples.Insert(3, 2, part)).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => samples.Insert(0, 2, part[1..])).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => samples.Insert(0, 3, part)).ParamName);
    }
}
