using System.Diagnostics;
using InfluenceModel.Budgeting;
using InfluenceModel.Channels;
using InfluenceModel.DependencyInjection;
using InfluenceModel.Tests.Budgeting;
using Microsoft.Extensions.DependencyInjection;

namespace InfluenceModel.Tests.Channels;

/// <summary>
/// The model shape of Channels and Budgeting (docs/architecture.md): static façade and DI service give the same
/// numbers when the host sets nothing; every long operation reports progress that ends complete and stops promptly
/// when cancelled.
/// </summary>
public sealed class ModelShapeTests
{
    /// <summary>How long after the token fires a cancelled run may still take (the contract is 100 ms; slack for a loaded 2-core CI).</summary>
    private static readonly TimeSpan CancelSlack = TimeSpan.FromMilliseconds(400);

    private static readonly TimeSpan CancelAfter = TimeSpan.FromMilliseconds(150);

    /// <summary>Collects reports synchronously (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Recorder : IProgress<ProgressReport>
    {
        private readonly List<ProgressReport> _reports = [];

        public IReadOnlyList<ProgressReport> Reports
        {
            get
            {
                lock (_reports)
                {
                    return [.. _reports];
                }
            }
        }

        public void Report(ProgressReport value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }

    private static ServiceProvider Host() => new ServiceCollection().AddInfluenceModel().BuildServiceProvider();

    private static Channel[] SelectionChannels() => ChannelSelectorTests.RandomChannels(new System.Random(5), 12, 4, sShaped: true);

    /// <summary>A near-saturated reach instance whose exact proof takes far longer than <see cref="CancelAfter"/>.</summary>
    private static SelectionRequest LongSelection() => new()
    {
        Channels = ChannelSelectorTests.RandomChannels(new System.Random(11), 64, 24, maxShare: 0.25),
        Budget = 600,
        MaxChannels = 10,
        Segments = new AudienceOverlap(Enumerable.Range(0, 24).Select(g => 1000.0 + (50 * g)).ToArray()),
        Method = SelectionMethod.Exact,
    };

    /// <summary>
    /// A hundred and twenty nearly identical S-shaped curves (Hill slope 2) and a budget for about half of them: many
    /// equivalent optima, so the proof takes far longer than the cancellation delay (forty curves were enough until the
    /// root finder's tolerance became relative, which made each node cheaper).
    /// </summary>
    private static AllocationRequest LongAllocation()
    {
        var rng = new System.Random(3);
        var curves = Enumerable.Range(0, 120).Select(_ => new HillCurve(100 * (1 + (0.01 * rng.NextDouble())), 100 * (1 + (0.01 * rng.NextDouble())), 2));
        return new AllocationRequest { Channels = BudgetAllocatorTests.AsChannels(curves), Budget = 7500, Tolerance = 1e-12 };
    }

    private static ResponseFitRequest FitRequest(int periods)
    {
        var rng = new System.Random(4);
        var truth = new HillCurve(1000, 120, 1.8);
        var spend = Enumerable.Range(0, periods).Select(_ => 300 * rng.NextDouble()).ToArray();
        var outcome = spend.Select(x => Math.Max(0, truth.Value(x) + (10 * (rng.NextDouble() - 0.5)))).ToArray();
        return new ResponseFitRequest { SpendHistory = spend, OutcomeHistory = outcome, Curve = ResponseCurveKind.Hill, Adstock = AdstockKind.Weibull };
    }

    /// <summary>Runs <paramref name="run"/> with a token that fires after <see cref="CancelAfter"/>; asserts it stops within the slack.</summary>
    private static void AssertStopsPromptly(Action<CancellationToken> run)
    {
        using var cancel = new DelayedCancel(CancelAfter);
        Assert.ThrowsAny<OperationCanceledException>(() => run(cancel.Token));
        TimeSpan latency = cancel.SinceCancel;
        Assert.True(latency < CancelSlack, $"stopped {latency.TotalMilliseconds:F0} ms after the token fired");
    }

    private static void AssertEndsComplete(Recorder recorder, string stage)
    {
        var reports = recorder.Reports;
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.Equal(stage, r.Stage));
        ProgressReport last = reports[^1];
        Assert.True(last.Total > 0 && last.Completed == last.Total, $"last report {last}");
        Assert.Equal(1, last.Fraction);
    }

    [Fact]
    public void Select_StaticAndDiPaths_GiveTheSameSelection()
    {
        using var host = Host();
        var request = new SelectionRequest { Channels = SelectionChannels(), Budget = 400, MaxChannels = 3, Objective = SelectionObjective.Response };
        ChannelSelection viaStatic = ChannelSelector.Select(request);
        ChannelSelection viaHost = host.GetRequiredService<IChannelSelector>().Select(request);
        Assert.Equal(viaStatic.Selected, viaHost.Selected);
        Assert.Equal(viaStatic.Allocation.Channels, viaHost.Allocation.Channels);
        Assert.Equal(viaStatic.ExpectedResponse, viaHost.ExpectedResponse);
        Assert.Equal(viaStatic.NodesExplored, viaHost.NodesExplored);
    }

    [Fact]
    public void Allocate_StaticAndDiPaths_GiveTheSameAllocation()
    {
        using var host = Host();
        var channels = SelectionChannels();
        var request = new AllocationRequest { Channels = channels, Budget = 500 };
        Allocation viaStatic = BudgetAllocator.Allocate(request);
        Allocation viaHost = host.GetRequiredService<IBudgetAllocator>().Allocate(request);
        Assert.Equal(viaStatic.Channels, viaHost.Channels);
        Assert.Equal(viaStatic.TotalResponse, viaHost.TotalResponse);
        Assert.Equal(channels.Select(c => c.Name), viaStatic.Channels.Select(c => c.Name));
    }

    [Fact]
    public void Fit_StaticAndDiPaths_GiveTheSameFit()
    {
        using var host = Host();
        var request = FitRequest(60) with { Adstock = AdstockKind.None };
        ResponseCurveFit viaStatic = ResponseCurveFitter.Fit(request);
        ResponseCurveFit viaHost = host.GetRequiredService<IResponseCurveFitter>().Fit(request);
        Assert.Equal(viaStatic.Parameters, viaHost.Parameters);
        Assert.Equal(viaStatic.Fitted, viaHost.Fitted);
    }

    [Fact]
    public void SimulateAndCompare_StaticAndDiPaths_GiveTheSameOutcome()
    {
        using var host = Host();
        var plan = BudgetFixtures.TwoChannels();
        var simulate = new BudgetSimulationRequest { Plan = plan, Opportunities = BudgetFixtures.Process(), Policy = new ReservePolicy(0.25, 0.2) };
        var simulator = host.GetRequiredService<IBudgetSimulator>();
        BudgetOutcome viaStatic = BudgetSimulator.Simulate(simulate);
        Assert.Equal(viaStatic, simulator.Simulate(simulate));
        Assert.Equal(SimulationOptions.Default.Simulations, viaStatic.Value.Count);
        var compare = new BudgetComparisonRequest { Plan = plan, Opportunities = BudgetFixtures.Process(), Policies = [new AnnualFixedPolicy(), new StochasticKnapsackPolicy()] };
        BudgetComparison a = BudgetSimulator.Compare(compare), b = simulator.Compare(compare);
        Assert.Equal(a.Outcomes, b.Outcomes);
        Assert.Equal(a.Differences, b.Differences);
    }

    [Fact]
    public void Optimize_StaticAndDiPaths_GiveTheSameCurve()
    {
        using var host = Host();
        var request = new ReserveRequest { Plan = BudgetFixtures.TwoChannels(), Opportunities = BudgetFixtures.Process(), Points = 5 };
        ReserveCurve viaStatic = ReserveOptimizer.Optimize(request);
        ReserveCurve viaHost = host.GetRequiredService<IReserveOptimizer>().Optimize(request);
        Assert.Equal(viaStatic.Points, viaHost.Points);
        Assert.Equal(viaStatic.BestValue, viaHost.BestValue);
    }

    [Fact]
    public void Select_ReportsProgressEndingComplete_AndStopsPromptlyWhenCancelled()
    {
        var recorder = new Recorder();
        var request = new SelectionRequest { Channels = SelectionChannels(), Budget = 400, MaxChannels = 3, Objective = SelectionObjective.Response };
        ChannelSelection selection = ChannelSelector.Select(request, recorder);
        AssertEndsComplete(recorder, "searching");
        Assert.Equal(selection.NodesExplored, recorder.Reports[^1].Completed);
        AssertStopsPromptly(ct => ChannelSelector.Select(LongSelection(), cancellationToken: ct));
    }

    [Fact]
    public void Allocate_ReportsProgressEndingComplete_AndStopsPromptlyWhenCancelled()
    {
        var recorder = new Recorder();
        Allocation allocation = BudgetAllocator.Allocate(new AllocationRequest { Channels = SelectionChannels(), Budget = 300 }, recorder);
        AssertEndsComplete(recorder, "branch and bound");
        Assert.Equal(allocation.NodesExplored, recorder.Reports[^1].Completed);
        AssertStopsPromptly(ct => BudgetAllocator.Allocate(LongAllocation(), cancellationToken: ct));
    }

    [Fact]
    public void Fit_ReportsProgressEndingComplete_AndStopsPromptlyWhenCancelled()
    {
        var recorder = new Recorder();
        ResponseCurveFitter.Fit(FitRequest(60) with { Adstock = AdstockKind.None }, progress: recorder);
        AssertEndsComplete(recorder, "fitting");
        Assert.Equal(3, recorder.Reports[^1].Total); // three Hill starts, no adstock starts
        AssertStopsPromptly(ct => ResponseCurveFitter.Fit(FitRequest(20_000), new ResponseFitOptions { MaxIterations = 100_000, MaxLag = 200 }, cancellationToken: ct));
    }

    [Fact]
    public void Simulate_ReportsProgressEndingComplete_AndStopsPromptlyWhenCancelled()
    {
        var plan = BudgetFixtures.TwoChannels();
        var recorder = new Recorder();
        var request = new BudgetSimulationRequest { Plan = plan, Opportunities = BudgetFixtures.Process(), Policy = new StochasticKnapsackPolicy() };
        BudgetSimulator.Simulate(request, BudgetFixtures.Options(2_000), recorder);
        AssertEndsComplete(recorder, "simulating");
        Assert.Equal(2_000, recorder.Reports[^1].Total);
        var compareRecorder = new Recorder();
        BudgetSimulator.Compare(new BudgetComparisonRequest { Plan = plan, Opportunities = BudgetFixtures.Process(), Policies = [new AnnualFixedPolicy(), new ReservePolicy(0.2, 0)] }, BudgetFixtures.Options(1_000), compareRecorder);
        AssertEndsComplete(compareRecorder, "simulating");
        Assert.Equal(2_000, compareRecorder.Reports[^1].Total);
        AssertStopsPromptly(ct => BudgetSimulator.Simulate(request, BudgetFixtures.Options(2_000_000), cancellationToken: ct));
    }

    [Fact]
    public void Optimize_ReportsProgressEndingComplete_AndStopsPromptlyWhenCancelled()
    {
        var recorder = new Recorder();
        var request = new ReserveRequest { Plan = BudgetFixtures.TwoChannels(), Opportunities = BudgetFixtures.Process(), Points = 5 };
        ReserveOptimizer.Optimize(request, BudgetFixtures.Options(2_000), recorder);
        AssertEndsComplete(recorder, "simulating");
        AssertStopsPromptly(ct => ReserveOptimizer.Optimize(request with { Points = 41 }, BudgetFixtures.Options(100_000), cancellationToken: ct));
    }

    [Fact]
    public void Requests_BadInput_ThrowNamingTheProperty()
    {
        Assert.Equal(nameof(SelectionRequest.Channels), Assert.Throws<ArgumentNullException>(() => new SelectionRequest { Channels = null!, Budget = 1 }).ParamName);
        Assert.Equal(nameof(AllocationRequest.Channels), Assert.Throws<ArgumentNullException>(() => new AllocationRequest { Channels = [null!], Budget = 1 }).ParamName);
        var twin = new Channel("a", [0.5], 1, new MichaelisMentenCurve(1, 1));
        Assert.Equal(nameof(SelectionRequest.Channels), Assert.Throws<ArgumentException>(() => ChannelSelector.Select(new SelectionRequest { Channels = [twin, twin], Budget = 5 })).ParamName);
        var mismatched = new SelectionRequest { Channels = [twin], Budget = 5, Segments = new AudienceOverlap([1.0, 2.0]) };
        Assert.Equal(nameof(SelectionRequest.Channels), Assert.Throws<ArgumentException>(() => ChannelSelector.Select(mismatched)).ParamName);
        Assert.Equal(nameof(AllocationRequest.Bounds), Assert.Throws<ArgumentException>(() => BudgetAllocator.Allocate(new AllocationRequest { Channels = [twin], Budget = 5, Bounds = [null, null] })).ParamName);
        Assert.Equal(nameof(BudgetComparisonRequest.Policies), Assert.Throws<ArgumentException>(() => new BudgetComparisonRequest { Plan = BudgetFixtures.TwoChannels(), Opportunities = OpportunityProcess.None, Policies = [] }).ParamName);
        Assert.Equal(nameof(BudgetSimulationRequest.Policy), Assert.Throws<ArgumentNullException>(() => new BudgetSimulationRequest { Plan = BudgetFixtures.TwoChannels(), Opportunities = OpportunityProcess.None, Policy = null! }).ParamName);
        Assert.Equal(nameof(ReserveRequest.Plan), Assert.Throws<ArgumentNullException>(() => new ReserveRequest { Plan = null!, Opportunities = OpportunityProcess.None }).ParamName);
        Assert.Equal("spendByPeriod", Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelSpend("a", [1, -1])).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new ChannelSpend(" ", [1])).ParamName);
    }

    [Fact]
    public void ChannelSpend_IsAValueWithItsTotal()
    {
        var a = new ChannelSpend("blog", [100, 0, 50]);
        Assert.Equal(150, a.Total);
        Assert.Equal(a, new ChannelSpend("blog", [100.0, 0, 50]));
        Assert.Equal(a.GetHashCode(), new ChannelSpend("blog", [100.0, 0, 50]).GetHashCode());
        Assert.NotEqual(a, new ChannelSpend("blog", [100.0, 0, 51]));
    }
}
