using FsCheck;
using FsCheck.Xunit;
using InfluenceModel.Campaigns;
using InfluenceModel.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.Campaigns;


public sealed class CampaignSimulatorTests
{
    /// <summary>The default scenario on a small network (fast).</summary>
    internal static CampaignScenario Small(int consumers = 600) => CampaignScenario.Default with
    {
        Population = CampaignScenario.Default.Population with { Consumers = consumers },
        Ambassadors = CampaignScenario.Default.Ambassadors with { Count = 5, Employees = 40 },
    };

    private static Campaign Build(CampaignScenario scenario) => scenario.Build();

    private static SimulationOptions Options(int simulations, int parallelism = -1) =>
        new() { Simulations = simulations, Seed = 11, MaxDegreeOfParallelism = parallelism };

    [Fact]
    public void NoBudget_NoAmbassadors_NoAdoptionBeyondOrganic()
    {
        CampaignScenario s = Small() with
        {
            Budget = Small().Budget with { AnnualTotal = 0 },
            Ambassadors = Small().Ambassadors with { Count = 0 },
            Population = Small().Population with { OrganicAdoptionRate = 0.02 },
        };
        var campaign = Build(s);
        CampaignResult r = CampaignSimulator.Simulate(campaign, Options(6));

        Assert.Empty(campaign.ChannelPlan);
        Assert.True(r.Periods[^1].Organic.Mean > 0, "the test needs organic adopters");
        foreach (CampaignPeriodResult p in r.Periods)
        {
            Assert.Equal(0, p.Spend);
            Assert.Equal(p.BaselineAdopters, p.Adopters);
            Assert.Equal(0, p.IncrementalAdopters.Mean);
            Assert.Equal(0, p.IncrementalAdopters.StandardError);
            Assert.Equal(0, p.Direct.Mean);
            Assert.Equal(0, p.Ambassadors.Mean);
            Assert.Equal(0, p.Reach.Mean);
            Assert.Null(p.Roi);
        }
    }

    [Fact]
    public void DoublingASaturatingChannelsSpend_RaisesAdoptionByLessThanDouble()
    {
        // One Michaelis–Menten channel (concave, saturating), no ambassadors, no organic adoption, no reserve.
        ScenarioChannel channel = CampaignScenario.Default.Channels[2] with { FixedCost = 0 };
        CampaignScenario Scenario(double budget) => Small(800) with
        {
            Channels = [channel],
            Budget = Small().Budget with { AnnualTotal = budget, ReserveShare = 0, MaxChannels = 1 },
            Ambassadors = Small().Ambassadors with { Count = 0 },
            Population = Small(800).Population with { OrganicAdoptionRate = 0 },
        };

        CampaignResult once = CampaignSimulator.Simulate(Build(Scenario(60_000)), Options(30));
        CampaignResult twice = CampaignSimulator.Simulate(Build(Scenario(120_000)), Options(30));
        Estimate a = once.Summary.IncrementalAdopters, b = twice.Summary.IncrementalAdopters;

        Assert.True(b.Mean > a.Mean, $"more spend must add adopters: {a.Mean} → {b.Mean}");
        double se = Math.Sqrt((4 * a.StandardError * a.StandardError) + (b.StandardError * b.StandardError));
        Assert.True(b.Mean < (2 * a.Mean) - (3 * se), $"saturation: {b.Mean} must be below 2 × {a.Mean} by 3 standard errors ({se})");
    }

    [Fact]
    public void SameSeed_IdenticalResults_AtParallelism1_2_8()
    {
        var campaign = Build(Small(400));
        string one = CampaignSimulator.Simulate(campaign, Options(8, 1)).ToJson();
        Assert.Equal(one, CampaignSimulator.Simulate(campaign, Options(8, 2)).ToJson());
        Assert.Equal(one, CampaignSimulator.Simulate(Build(Small(400)), Options(8, 8)).ToJson());
        Assert.NotEqual(one, CampaignSimulator.Simulate(campaign, Options(8, 1) with { Seed = 12 }).ToJson());
    }

    [Fact]
    public void ExpectedReach_IsTheAudienceOverlapFormula()
    {
        // Exposures are independent across channels, so E[reach_t] = Σ_g n_g (1 − Π_c (1 − audience_cg · y_c(t))).
        var campaign = Build(Small(1000) with { Budget = Small().Budget with { MaxChannels = 3 } });
        CampaignResult r = CampaignSimulator.Simulate(campaign, Options(60));
        Assert.True(r.Channels.Count >= 2, "the oracle needs overlapping channels");
        for (int t = 0; t < r.Periods.Count; t += 3)
        {
            double expected = 0;
            for (int g = 0; g < campaign.SegmentSizes.Count; g++)
            {
                double miss = 1;
                for (int c = 0; c < r.Channels.Count; c++)
                {
                    miss *= 1 - (campaign.Channels[c].Audience[g] * r.Channels[c].Periods[t].Response);
                }

                expected += campaign.SegmentSizes[g] * (1 - miss);
            }

            Estimate reach = r.Periods[t].Reach;
            Assert.True(Math.Abs(reach.Mean - expected) <= (4 * reach.StandardError) + 1e-9, $"period {t + 1}: {reach.Mean} ± {reach.StandardError} vs {expected}");
        }
    }

    [Fact]
    public void Spend_IsTheBudgetPlansCommittedMoney()
    {
        var campaign = Build(Small());
        CampaignResult r = CampaignSimulator.Simulate(campaign, Options(2));
        double committed = campaign.Budget.AnnualTotal * (1 - campaign.Budget.ReserveShare);
        Assert.Equal(committed, r.Summary.TotalSpend, 1e-6 * committed);
        for (int t = 0; t < campaign.Periods; t++)
        {
            double plan = 0;
            for (int c = 0; c < campaign.BudgetPlan.Channels.Count; c++)
            {
                plan += campaign.BudgetPlan.CommittedAmount(c, t);
            }

            Assert.Equal(r.Periods[t].Spend, plan, 1e-6 * committed);
        }

        Assert.True(campaign.ChannelPlan.Count <= campaign.Budget.MaxChannels);
    }

    [Fact]
    public void Mechanisms_AddUpToAdopters_AndAmbassadorsAreSeededFromLaunch()
    {
        var campaign = Build(Small());
        CampaignResult r = CampaignSimulator.Simulate(campaign, Options(4));
        foreach (CampaignPeriodResult p in r.Periods)
        {
            double sum = p.Organic.Mean + p.Direct.Mean + p.Ambassadors.Mean + p.Compliance.Mean + p.Identification.Mean + p.Internalization.Mean;
            Assert.Equal(p.Adopters.Mean, sum, 1e-9);
            Assert.True(p.Aware.Mean >= p.Adopters.Mean);
        }

        Assert.Equal(0, r.Periods[0].Ambassadors.Mean); // pre-launch: ambassadors recruited, not yet active
        Assert.Equal(5, r.Periods[2].Ambassadors.Mean);
        Assert.Equal(5, campaign.Ambassadors.Count);
    }

    [Property(MaxTest = 6)]
    public bool AnyValidSmallScenario_GivesFiniteBoundedNumbers(PositiveInt seed, NormalFloat reserve)
    {
        double share = Math.Abs(reserve.Get) % 0.6;
        var campaign = Build(Small(150) with { Budget = Small().Budget with { ReserveShare = share }, Simulation = new SimulationOptions { Seed = (ulong)seed.Get } });
        CampaignResult r = CampaignSimulator.Simulate(campaign, Options(2));
        return r.Periods.All(p => double.IsFinite(p.Adopters.Mean) && p.Adopters.Mean <= 150 && p.Aware.Mean <= 150 && p.Reach.Mean <= 150
                && (p.Roi is null || double.IsFinite(p.Roi.Value.Mean)))
            && double.IsFinite(r.Reserve.WithReserve.Mean) && double.IsFinite(r.Community.NetPresentValue);
    }

    [Fact]
    public void Compare_UsesCommonRandomNumbers_AndKeepsOrder()
    {
        var a = Build(Small(300));
        var b = Build(Small(300) with { Name = "no ambassadors", Ambassadors = Small().Ambassadors with { Count = 0 } });
        CampaignComparison comparison = CampaignSimulator.Compare([a, b], Options(3));
        Assert.Equal([a.Name, "no ambassadors"], comparison.Results.Select(x => x.Name));
        // Organic adoption draws from its own stream: identical in both campaigns.
        Assert.Equal(comparison.Results[0].Periods[0].Organic, comparison.Results[1].Periods[0].Organic);
        Assert.Equal(CampaignSimulator.Simulate(b, Options(3)).ToJson(), comparison.Results[1].ToJson());
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("campaign", Assert.Throws<ArgumentNullException>(() => CampaignSimulator.Simulate(null!)).ParamName);
        Assert.Equal("campaigns", Assert.Throws<ArgumentException>(() => CampaignSimulator.Compare(Array.Empty<Campaign>())).ParamName);
        var campaign = Build(Small(200));
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => campaign.ChannelResponse(-1, 10)).ParamName);
        Assert.Equal("spendPerPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => campaign.ChannelResponse(0, double.NaN)).ParamName);
    }

    [Fact]
    public void Simulate_HonoursCancellation()
    {
        var campaign = Build(Small(200));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CampaignSimulator.Simulate(campaign, Options(4), null, cts.Token));
    }

    [Fact]
    public void Simulate_CancelledMidRun_StopsWithin100ms()
    {
        // The article's 10,000 consumers: one run takes a few hundred milliseconds, 400 runs a minute on 2 cores.
        Campaign campaign = CampaignScenario.Default.Build();
        using var cancel = new DelayedCancel(TimeSpan.FromMilliseconds(50));
        Assert.ThrowsAny<OperationCanceledException>(() => CampaignSimulator.Simulate(campaign, Options(400), null, cancel.Token));
        // At most 100 ms to honour the cancel, plus slack for a loaded CI machine.
        double latencyMs = cancel.SinceCancel.TotalMilliseconds;
        Assert.True(latencyMs < 100 + 300, $"stopped {latencyMs:F0} ms after the cancel");
    }

    [Fact]
    public void Simulate_ReportsProgress_ThrottledAndComplete()
    {
        var reports = new List<ProgressReport>();
        var progress = new SynchronousProgress(reports.Add);
        CampaignSimulator.Simulate(Build(Small(200)), Options(12), progress);
        List<ProgressReport> simulating = [.. reports.Where(r => r.Stage == "simulating")];
        Assert.NotEmpty(simulating);
        Assert.Equal(new ProgressReport("simulating", 12, 12), simulating[^1]);
        Assert.True(simulating.Zip(simulating.Skip(1)).All(p => p.First.Completed <= p.Second.Completed));
        Assert.Contains(reports, r => r.Stage == "valuing the reserve");
    }

    [Fact]
    public void StaticAndInjected_WithNullOptions_GiveTheSameNumbers()
    {
        // A tiny campaign so that the library default (10,000 runs) stays quick.
        CampaignScenario tiny = Small(40) with
        {
            Phases = [new CampaignPhase { Name = "launch", Kind = CampaignPhaseKind.Launch, Periods = 2 }],
            Ambassadors = new AmbassadorProgram { Count = 2, Employees = 10, CostPerAmbassadorPerPeriod = 100 },
        };
        Campaign campaign = tiny.Build();
        using var provider = new ServiceCollection().AddInfluenceModel().BuildServiceProvider();
        CampaignResult injected = provider.GetRequiredService<ICampaignSimulator>().Simulate(campaign);
        CampaignResult direct = CampaignSimulator.Simulate(campaign);

        Assert.Equal(SimulationOptions.Default.Simulations, direct.Simulations);
        Assert.Equal(SimulationOptions.Default.Seed, direct.Seed);
        Assert.Equal(direct.ToJson(), injected.ToJson());
    }

    [Fact]
    public void Injected_UsesTheHostsRegisteredModels()
    {
        var community = new CountingCommunityCalculator();
        using var provider = new ServiceCollection()
            .AddSingleton<InfluenceModel.Community.ICommunityRoiCalculator>(community)
            .AddInfluenceModel(o => o.Simulation = new SimulationOptions { Simulations = 2, Seed = 5 })
            .BuildServiceProvider();
        CampaignResult r = provider.GetRequiredService<ICampaignSimulator>().Simulate(Build(Small(200)));
        Assert.Equal(1, community.Calls);
        Assert.Equal(2, r.Simulations);
        Assert.Equal(5UL, r.Seed);
    }

    [Fact]
    public void AddInfluenceModel_RegistersTheCampaignSimulator_WithHostDefaults()
    {
        using var provider = new ServiceCollection().AddInfluenceModel(o => o.Simulation = new SimulationOptions { Simulations = 3, Seed = 5 }).BuildServiceProvider();
        var simulator = provider.GetRequiredService<ICampaignSimulator>();
        CampaignResult r = simulator.Simulate(Build(Small(200)));
        Assert.Equal(3, r.Simulations);
        Assert.Equal(5UL, r.Seed);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<ProgressReport> report) : IProgress<ProgressReport>
    {
        public void Report(ProgressReport value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }

    private sealed class CountingCommunityCalculator : InfluenceModel.Community.ICommunityRoiCalculator
    {
        public int Calls { get; private set; }

        public InfluenceModel.Community.CommunityRoiCurve Compute(InfluenceModel.Community.CommunityRoiInputs inputs, CancellationToken cancellationToken = default)
        {
            Calls++;
            return InfluenceModel.Community.CommunityRoiCalculator.Compute(inputs, cancellationToken);
        }
    }
}
