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
        var campaign = Campaign.FromScenario(s);
        CampaignResult r = CampaignSimulator.Simulate(campaign, Options(6));

        Assert.Empty(campaign.ChannelPlan);
        Assert.True(r.Periods[^1].Organic.Mean > 0, "the test needs organic adopters");
        foreach (CampaignPeriodResult p in r.Periods)
        {
            Assert.Equal(0, p.Spend);
            Assert.Equal(p.BaselineAdopters, p.Adopters);
            Assert.Equal(new global::InfluenceModel.Campaigns.Estimate(0, 0), p.IncrementalAdopters);
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
        ChannelSettings channel = CampaignScenario.Default.Channels[2] with { FixedCost = 0 };
        CampaignScenario Scenario(double budget) => Small(800) with
        {
            Channels = [channel],
            Budget = Small().Budget with { AnnualTotal = budget, ReserveShare = 0, MaxChannels = 1 },
            Ambassadors = Small().Ambassadors with { Count = 0 },
            Population = Small(800).Population with { OrganicAdoptionRate = 0 },
        };

        CampaignResult once = CampaignSimulator.Simulate(Campaign.FromScenario(Scenario(60_000)), Options(30));
        CampaignResult twice = CampaignSimulator.Simulate(Campaign.FromScenario(Scenario(120_000)), Options(30));
        global::InfluenceModel.Campaigns.Estimate a = once.Summary.IncrementalAdopters, b = twice.Summary.IncrementalAdopters;

        Assert.True(b.Mean > a.Mean, $"more spend must add adopters: {a.Mean} → {b.Mean}");
        double se = Math.Sqrt((4 * a.StandardError * a.StandardError) + (b.StandardError * b.StandardError));
        Assert.True(b.Mean < (2 * a.Mean) - (3 * se), $"saturation: {b.Mean} must be below 2 × {a.Mean} by 3 standard errors ({se})");
    }

    [Fact]
    public void SameSeed_IdenticalResults_AtParallelism1_2_8()
    {
        var campaign = Campaign.FromScenario(Small(400));
        string one = CampaignSimulator.Simulate(campaign, Options(8, 1)).ToJson();
        Assert.Equal(one, CampaignSimulator.Simulate(campaign, Options(8, 2)).ToJson());
        Assert.Equal(one, CampaignSimulator.Simulate(Campaign.FromScenario(Small(400)), Options(8, 8)).ToJson());
        Assert.NotEqual(one, CampaignSimulator.Simulate(campaign, Options(8, 1) with { Seed = 12 }).ToJson());
    }

    [Fact]
    public void ExpectedReach_IsTheAudienceOverlapFormula()
    {
        // Exposures are independent across channels, so E[reach_t] = Σ_g n_g (1 − Π_c (1 − audience_cg · y_c(t))).
        var campaign = Campaign.FromScenario(Small(1000) with { Budget = Small().Budget with { MaxChannels = 3 } });
        CampaignResult r = CampaignSimulator.Simulate(campaign, Options(60));
        Assert.True(r.Channels.Count >= 2, "the oracle needs overlapping channels");
        for (int t = 0; t < r.Periods.Count; t += 3)
        {
            double expected = 0;
            for (int g = 0; g < campaign.Segments.Count; g++)
            {
                double miss = 1;
                for (int c = 0; c < r.Channels.Count; c++)
                {
                    ChannelSettings settings = campaign.Scenario.Channels.Single(x => x.Name == r.Channels[c].Name);
                    miss *= 1 - (settings.Audience[g] * r.Channels[c].Periods[t].Response);
                }

                expected += campaign.Segments[g].Size * (1 - miss);
            }

            global::InfluenceModel.Campaigns.Estimate reach = r.Periods[t].Reach;
            Assert.True(Math.Abs(reach.Mean - expected) <= (4 * reach.StandardError) + 1e-9, $"period {t + 1}: {reach.Mean} ± {reach.StandardError} vs {expected}");
        }
    }

    [Fact]
    public void Spend_IsTheBudgetPlansCommittedMoney()
    {
        var campaign = Campaign.FromScenario(Small());
        CampaignResult r = CampaignSimulator.Simulate(campaign, Options(2));
        double committed = campaign.Scenario.Budget.AnnualTotal * (1 - campaign.Scenario.Budget.ReserveShare);
        Assert.Equal(committed, r.Summary.TotalSpend, 1e-6 * committed);
        for (int t = 0; t < campaign.Periods; t++)
        {
            double plan = 0;
            for (int c = 0; c < campaign.Budget.Channels.Count; c++)
            {
                plan += campaign.Budget.CommittedAmount(c, t);
            }

            Assert.Equal(r.Periods[t].Spend, plan, 1e-6 * committed);
        }

        Assert.True(campaign.ChannelPlan.Count <= campaign.Scenario.Budget.MaxChannels);
    }

    [Fact]
    public void Mechanisms_AddUpToAdopters_AndAmbassadorsAreSeededFromLaunch()
    {
        var campaign = Campaign.FromScenario(Small());
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
        var campaign = Campaign.FromScenario(Small(150) with { Budget = Small().Budget with { ReserveShare = share }, Simulation = new SimulationSettings { Seed = (ulong)seed.Get } });
        CampaignResult r = CampaignSimulator.Simulate(campaign, Options(2));
        return r.Periods.All(p => double.IsFinite(p.Adopters.Mean) && p.Adopters.Mean <= 150 && p.Aware.Mean <= 150 && p.Reach.Mean <= 150
                && (p.Roi is null || double.IsFinite(p.Roi.Value.Mean)))
            && double.IsFinite(r.Reserve.WithReserve.Mean) && double.IsFinite(r.Community.NetPresentValue);
    }

    [Fact]
    public void Compare_UsesCommonRandomNumbers_AndKeepsOrder()
    {
        var a = Campaign.FromScenario(Small(300));
        var b = Campaign.FromScenario(Small(300) with { Name = "no ambassadors", Ambassadors = Small().Ambassadors with { Count = 0 } });
        CampaignComparison comparison = CampaignSimulator.Compare([a, b], Options(3));
        Assert.Equal([a.Name, "no ambassadors"], comparison.Results.Select(x => x.Name));
        // Organic adoption draws from its own stream: identical in both campaigns.
        Assert.Equal(comparison.Results[0].Periods[0].Organic, comparison.Results[1].Periods[0].Organic);
        CampaignComparison fromScenarios = CampaignSimulator.CompareScenarios([a.Scenario, b.Scenario], Options(3));
        Assert.Equal(comparison.Results[1].ToJson(), fromScenarios.Results[1].ToJson());
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("campaign", Assert.Throws<ArgumentNullException>(() => CampaignSimulator.Simulate(null!)).ParamName);
        Assert.Equal("campaigns", Assert.Throws<ArgumentException>(() => CampaignSimulator.Compare(Array.Empty<Campaign>())).ParamName);
        Assert.Equal("scenarios", Assert.Throws<ArgumentException>(() => CampaignSimulator.CompareScenarios(Array.Empty<CampaignScenario>())).ParamName);
        var campaign = Campaign.FromScenario(Small(200));
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => campaign.ChannelResponse(-1, 10)).ParamName);
        Assert.Equal("spendPerPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => campaign.ChannelResponse(0, double.NaN)).ParamName);
    }

    [Fact]
    public void Simulate_HonoursCancellation()
    {
        var campaign = Campaign.FromScenario(Small(200));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => CampaignSimulator.Simulate(campaign, Options(4), null, cts.Token));
    }

    [Fact]
    public void AddInfluenceModel_RegistersTheCampaignSimulator_WithHostDefaults()
    {
        using var provider = new ServiceCollection().AddInfluenceModel(o => o.Simulation = new SimulationOptions { Simulations = 3, Seed = 5 }).BuildServiceProvider();
        var simulator = provider.GetRequiredService<ICampaignSimulator>();
        CampaignResult r = simulator.Simulate(Campaign.FromScenario(Small(200)));
        Assert.Equal(3, r.Simulations);
        Assert.Equal(5UL, r.Seed);
    }
}
