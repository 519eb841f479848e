using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;
using Orleans.TestingHost;

namespace InfluenceModel.Orleans.Tests;

/// <summary>The cluster of the Monte-Carlo fault tests (its silos get stopped).</summary>
public sealed class MonteCarloFaultClusterFixture : ClusterFixture;

/// <summary>A silo stopped while budget years or campaign runs are simulated: its ranges run again elsewhere, same answer.</summary>
public sealed class MonteCarloFaultTests(MonteCarloFaultClusterFixture fixture) : IClassFixture<MonteCarloFaultClusterFixture>
{
    [Fact]
    public void BudgetCompare_SiloStoppedDuringSimulation_SameComparisonAsInProcess()
    {
        var options = new SimulationOptions { Simulations = 4000, Seed = 31 };
        BudgetComparison local = BudgetSimulator.Compare(DistributedMonteCarloTests.Comparison(), options);
        var simulator = new ClusterBudgetSimulator(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = 8, SiloParallelism = 1 });
        int stopped = 0;
        var progress = new SyncProgress(r =>
        {
            if (r.Completed > 0 && Interlocked.Exchange(ref stopped, 1) == 0)
            {
                StopOneSilo();
            }
        });

        BudgetComparison distributed = simulator.Compare(DistributedMonteCarloTests.Comparison(), options, progress, TestContext.Current.CancellationToken);

        Assert.Equal(1, stopped);
        Assert.Equal(local.Outcomes, distributed.Outcomes);
        Assert.Equal(local.Differences, distributed.Differences);
    }

    [Fact]
    public void Campaign_SiloStoppedDuringSimulation_SameResultAsInProcess()
    {
        Campaign campaign = DistributedMonteCarloTests.SmallCampaign();
        var options = new SimulationOptions { Simulations = 40, Seed = 12 };
        CampaignResult local = CampaignSimulator.Simulate(campaign, options);
        var simulator = new ClusterCampaignSimulator(fixture.Cluster.Client, new InfluenceClusterOptions { Partitions = 8, SiloParallelism = 1 });
        int stopped = 0;
        var progress = new SyncProgress(r =>
        {
            if (r.Stage == "simulating" && r.Completed > 0 && Interlocked.Exchange(ref stopped, 1) == 0)
            {
                StopOneSilo();
            }
        });

        CampaignResult distributed = simulator.Simulate(campaign, options, progress, TestContext.Current.CancellationToken);

        Assert.Equal(1, stopped);
        Assert.Equal(DistributedMonteCarloTests.Json(local), DistributedMonteCarloTests.Json(distributed));
    }

    private void StopOneSilo()
    {
        InProcessSiloHandle primary = fixture.Cluster.Silos[0];
        InProcessSiloHandle victim = fixture.Cluster.Silos.Last(s => s != primary && s.IsActive);
        fixture.Cluster.StopSiloAsync(victim).GetAwaiter().GetResult();
    }
}
