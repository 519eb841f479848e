using System.Diagnostics;
using System.Text.Json;
using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;

namespace InfluenceModel.Orleans.Tests;

/// <summary>
/// Budget-year simulation, the reserve sweep and campaign simulation on a 3-silo cluster give the single-machine
/// results bit for bit (uneven chunk counts, several seeds); progress, cancellation and bad input as in process.
/// </summary>
public sealed class DistributedMonteCarloTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    internal static readonly Strategy Strategy = new("grow trial", "first-time buyers", "gross margin (EUR)");

    /// <summary>Two channels over 12 periods, the second new (first-impression risk) and launched late; 25% reserve.</summary>
    internal static BudgetPlan Plan()
    {
        var late = new double[12];
        for (int t = 4; t < 12; t++)
        {
            late[t] = 2;
        }

        return new BudgetPlanBuilder().ForStrategy(Strategy).WithAnnualTotal(1200).WithPeriods(12).WithReserveShare(0.25)
            .Commit("search", 1.3, Enumerable.Repeat(1.0, 12).ToArray())
            .Commit("tiktok", 1.1, late, new FirstImpressionRisk(0.3, 0.5, 3))
            .Build();
    }

    /// <summary>Seasonal opportunities with a two-period decision window.</summary>
    internal static OpportunityProcess Process() => new()
    {
        ArrivalRate = 1.5,
        Seasonality = [0.5, 0.5, 1, 1, 1.5, 1.5, 1, 1, 1, 0.8, 0.8, 2],
        CostMedian = 30,
        CostSigma = 0.5,
        ValueMultipleMedian = 1.4,
        ValueMultipleSigma = 0.6,
        DecisionWindow = 2,
    };

    internal static BudgetComparisonRequest Comparison() => new()
    {
        Plan = Plan(),
        Opportunities = Process(),
        Policies = [new AnnualFixedPolicy(), new ReservePolicy(0.3, 0.1), new RollingReforecastPolicy(4), new StochasticKnapsackPolicy(budgetUnits: 40)],
    };

    /// <summary>
    /// The library's default campaign on 500 consumers (fast), built from its scenario; without opportunities the
    /// reserve analysis (4,000 years) is quick.
    /// </summary>
    internal static Campaign SmallCampaign(InfluenceModelKind influence = InfluenceModelKind.Kelman, bool opportunities = false) => (CampaignScenario.Default with
    {
        Population = CampaignScenario.Default.Population with { Consumers = 500 },
        Ambassadors = CampaignScenario.Default.Ambassadors with { Count = 4, Employees = 30 },
        Influence = influence == InfluenceModelKind.Kelman ? CampaignScenario.Default.Influence : new ScenarioInfluence { Model = influence },
        Opportunities = opportunities ? CampaignScenario.Default.Opportunities : OpportunityProcess.None,
    }).Build();

    internal static string Json(CampaignResult result) => JsonSerializer.Serialize(result, ResultJsonContext.Default.CampaignResult);

    [Theory]
    [InlineData(1000, 3UL, 3)]
    [InlineData(777, 17UL, 5)]
    [InlineData(1, 4UL, 2)]
    public void BudgetCompare_OnThreeSilos_EqualsInProcessBitForBit(int years, ulong seed, int partitions)
    {
        var options = new SimulationOptions { Simulations = years, Seed = seed, MaxDegreeOfParallelism = 2 };
        BudgetComparison local = BudgetSimulator.Compare(Comparison(), options);
        var simulator = new ClusterBudgetSimulator(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = partitions, SiloParallelism = 1 });

        BudgetComparison distributed = simulator.Compare(Comparison(), options, null, TestContext.Current.CancellationToken);

        Assert.Equal(local.Outcomes, distributed.Outcomes);
        Assert.Equal(local.Differences, distributed.Differences);
        Assert.True(local.Outcomes[1].OpportunitiesCaptured.Mean > 0 || years == 1, "the test needs captured opportunities");
    }

    [Fact]
    public void BudgetSimulate_OnThreeSilos_EqualsInProcessBitForBit()
    {
        var request = new BudgetSimulationRequest { Plan = Plan(), Opportunities = Process(), Policy = new StochasticKnapsackPolicy(0.4, 60) };
        var options = new SimulationOptions { Simulations = 901, Seed = 23 };
        BudgetOutcome local = BudgetSimulator.Simulate(request, options);
        var simulator = new ClusterBudgetSimulator(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = 4, SiloParallelism = 1 });

        BudgetOutcome distributed = simulator.Simulate(request, options, null, TestContext.Current.CancellationToken);

        Assert.Equal(local, distributed);
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.P5), BitConverter.DoubleToInt64Bits(distributed.P5));
    }

    [Theory]
    [InlineData(1001, 5UL, 3, ReserveObjective.Mean)]
    [InlineData(640, 8UL, 7, ReserveObjective.ConditionalValueAtRisk)]
    public void ReserveSweep_OnThreeSilos_EqualsInProcessBitForBit(int years, ulong seed, int partitions, ReserveObjective objective)
    {
        var request = new ReserveRequest { Plan = Plan(), Opportunities = Process(), Range = new ReserveRange(0, 0.6), Points = 13, HurdleRate = 0.1, Objective = objective };
        var options = new SimulationOptions { Simulations = years, Seed = seed };
        ReserveCurve local = ReserveOptimizer.Optimize(request, options);
        var optimizer = new ClusterReserveOptimizer(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = partitions, SiloParallelism = 1 });

        ReserveCurve distributed = optimizer.Optimize(request, options, null, TestContext.Current.CancellationToken);

        Assert.Equal(local.Points, distributed.Points);
        Assert.Equal(local.BestShare, distributed.BestShare);
        Assert.Equal(local.BestValue, distributed.BestValue);
        Assert.Equal(local.Simulations, distributed.Simulations);
        Assert.NotEqual(local.Points[0].Mean, local.Points[^1].Mean);
    }

    [Theory]
    [InlineData(InfluenceModelKind.Kelman, 23, 2009UL, 3, true)]
    [InlineData(InfluenceModelKind.IndependentCascade, 17, 1UL, 4, false)]
    public void CampaignSimulate_OnThreeSilos_EqualsInProcessBitForBit(InfluenceModelKind influence, int runs, ulong seed, int partitions, bool opportunities)
    {
        Campaign campaign = SmallCampaign(influence, opportunities);
        var options = new SimulationOptions { Simulations = runs, Seed = seed };
        CampaignResult local = CampaignSimulator.Simulate(campaign, options);
        var simulator = new ClusterCampaignSimulator(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = partitions, SiloParallelism = 1 });

        CampaignResult distributed = simulator.Simulate(campaign, options, null, TestContext.Current.CancellationToken);

        Assert.Equal(Json(local), Json(distributed));
        Assert.True(local.Summary.IncrementalAdopters.Mean > 0, "the test needs campaign adopters");
        Assert.True(!opportunities || local.Reserve.OpportunitiesCaptured > 0, "the test needs opportunities taken by the reserve");
    }

    [Fact]
    public void CampaignCompare_OnThreeSilos_EqualsInProcess()
    {
        Campaign[] campaigns = [SmallCampaign(), SmallCampaign(InfluenceModelKind.LinearThreshold)];
        var options = new SimulationOptions { Simulations = 12, Seed = 3 };
        CampaignComparison local = CampaignSimulator.Compare(campaigns, options);
        var simulator = new ClusterCampaignSimulator(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = 3, SiloParallelism = 1 });

        CampaignComparison distributed = simulator.Compare(campaigns, options, null, TestContext.Current.CancellationToken);

        Assert.Equal(local.Results.Select(Json), distributed.Results.Select(Json));
    }

    [Fact]
    public void Campaigns_ReportProgressToTheTotal_ThenValueTheReserve()
    {
        var reports = new List<ProgressReport>();
        var simulator = new ClusterCampaignSimulator(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = 2, SiloParallelism = 1 });

        simulator.Simulate(SmallCampaign(), new SimulationOptions { Simulations = 10 }, new SyncProgress(r => { lock (reports) { reports.Add(r); } }), TestContext.Current.CancellationToken);

        Assert.Contains(new ProgressReport("simulating", 10, 10), reports);
        Assert.Equal("valuing the reserve", reports[^1].Stage);
    }

    [Fact]
    public void Budget_ReportsProgressToYearsTimesPolicies()
    {
        var reports = new List<ProgressReport>();
        var simulator = new ClusterBudgetSimulator(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = 2, SiloParallelism = 1 });

        simulator.Compare(Comparison(), new SimulationOptions { Simulations = 300 }, new SyncProgress(r => { lock (reports) { reports.Add(r); } }), TestContext.Current.CancellationToken);

        Assert.Equal(new ProgressReport("simulating", 1200, 1200), reports[^1]);
    }

    [Fact]
    public void AddInfluenceModelCluster_RegistersTheMonteCarloFaçades_WithTheRegisteredDefaults()
    {
        var defaults = new SimulationOptions { Simulations = 333, Seed = 41 };
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, fixture.Cluster.Client);
        services.AddInfluenceModelCluster(fixture.Source, new InfluenceClusterOptions { Partitions = 2, SiloParallelism = 1 }, defaults);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        T Get<T>() where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(provider);
        var reserveRequest = new ReserveRequest { Plan = Plan(), Opportunities = Process(), Points = 4 };

        Assert.IsType<ClusterCampaignSimulator>(Get<ICampaignSimulator>());
        Assert.IsType<ClusterReserveOptimizer>(Get<IReserveOptimizer>());
        Assert.Equal(BudgetSimulator.Compare(Comparison(), defaults).Outcomes, Assert.IsType<ClusterBudgetSimulator>(Get<IBudgetSimulator>()).Compare(Comparison()).Outcomes);
        Assert.Equal(ReserveOptimizer.Optimize(reserveRequest, defaults).Points, Get<IReserveOptimizer>().Optimize(reserveRequest).Points);
    }

    [Fact]
    public void BadInput_RefusedWithTheCoreExceptions()
    {
        var budget = new ClusterBudgetSimulator(fixture.Cluster.Client);
        var reserve = new ClusterReserveOptimizer(fixture.Cluster.Client);
        var campaigns = new ClusterCampaignSimulator(fixture.Cluster.Client);
        OpportunityProcess wrongSeason = Process() with { Seasonality = [1, 2, 3] };
        var comparison = Comparison() with { Opportunities = wrongSeason };
        var sweep = new ReserveRequest { Plan = Plan(), Opportunities = wrongSeason };

        string? Core(Action a) => Assert.ThrowsAny<ArgumentException>(a).ParamName;
        Assert.Equal(Core(() => BudgetSimulator.Compare(comparison)), Core(() => budget.Compare(comparison)));
        Assert.Equal(Core(() => ReserveOptimizer.Optimize(sweep)), Core(() => reserve.Optimize(sweep)));
        Assert.Equal("Opportunities", Core(() => reserve.Optimize(sweep)));
        Assert.Throws<ArgumentNullException>(() => budget.Simulate(null!));
        Assert.Throws<ArgumentNullException>(() => budget.Compare(null!));
        Assert.Throws<ArgumentNullException>(() => reserve.Optimize(null!));
        Assert.Throws<ArgumentNullException>(() => campaigns.Simulate(null!));
        Assert.Equal("campaigns", Assert.Throws<ArgumentException>(() => campaigns.Compare([])).ParamName);
        Assert.Throws<ArgumentNullException>(() => new ClusterBudgetSimulator(null!));

        // A campaign not built from a scenario cannot be rebuilt on the silos.
        Campaign built = (CampaignScenario.Default with { Population = CampaignScenario.Default.Population with { Consumers = 300 }, Ambassadors = CampaignScenario.Default.Ambassadors with { Count = 2, Employees = 20 } }).ToBuilder().Build();
        Assert.Equal("campaign", Assert.Throws<ArgumentException>(() => campaigns.Simulate(built)).ParamName);
    }

    [Fact]
    public void ReserveSweep_CancelledFromTheClient_StopsWithinASecond()
    {
        var request = new ReserveRequest { Plan = Plan(), Opportunities = Process(), Points = 21 };
        var optimizer = new ClusterReserveOptimizer(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = 3, SiloParallelism = 1 });
        using var cts = new CancellationTokenSource();
        var started = new ManualResetEventSlim();
        var run = Task.Run(() => optimizer.Optimize(request, new SimulationOptions { Simulations = 400_000 }, null, cts.Token), TestContext.Current.CancellationToken);

        // Let the ranges start on the silos, then cancel.
        Thread.Sleep(1500);
        Assert.False(run.IsCompleted);
        var clock = Stopwatch.StartNew();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"stopped after {clock.Elapsed.TotalMilliseconds:N0} ms");
    }

    [Fact]
    public void Campaign_CancelledBeforeTheStart_Throws()
    {
        var simulator = new ClusterCampaignSimulator(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = 2 });
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => simulator.Simulate(SmallCampaign(), new SimulationOptions { Simulations = 1000 }, null, cts.Token));
    }
}
