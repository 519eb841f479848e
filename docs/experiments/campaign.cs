#:project ../../src/InfluenceModel/InfluenceModel.csproj
// Campaign walkthrough: the source article's campaign from its scenario, the same kind of campaign composed from the
// domain objects, then three what-ifs on common random numbers.
// Run from the repository root: dotnet run docs/experiments/campaign.cs
using InfluenceModel;
using InfluenceModel.Budgeting;
using InfluenceModel.Campaigns;
using InfluenceModel.Channels;
using InfluenceModel.Community;
using InfluenceModel.Diffusion;

// 1. The built-in scenario: six candidate channels, an employee ambassador program, a 20% reserve, a user community,
//    10,000 consumers on a stochastic block model whose blocks are the article's segments (22% always read reviews,
//    43% most of the time, 35% less often). Every number and its source: docs/models/campaign.md.
CampaignScenario scenario = CampaignScenario.Default;
Console.WriteLine($"{scenario.Name}: {scenario.Channels.Count} candidate channels, {scenario.Phases.Sum(p => p.Periods)} periods, budget {scenario.Budget.AnnualTotal:N0}");

// Validation reports every problem with its JSON path, from the domain types' own guards; nothing runs on an invalid scenario.
string broken = scenario.ToJson().Replace("\"reserveShare\": 0.2", "\"reserveShare\": 1.4", StringComparison.Ordinal)
    .Replace("\"kappa\": 8000", "\"kappa\": -1", StringComparison.Ordinal);
foreach (ScenarioProblem problem in CampaignScenario.Validate(broken))
{
    Console.WriteLine($"  invalid: {problem}");
}

// 2. Build and simulate. A smaller network and 20 runs keep the walkthrough quick; the options are passed explicitly
//    (null would mean SimulationOptions.Default: 10,000 runs, seed 0).
var options = new SimulationOptions { Simulations = 20, Seed = 7 };
CampaignScenario small = scenario with { Population = scenario.Population with { Consumers = 3_000 } };
Campaign campaign = small.Build();
Console.WriteLine($"channels chosen: {string.Join(", ", campaign.ChannelPlan.Select(c => $"{c.Name} ({c.SpendByPeriod.Sum():N0})"))}");
Console.WriteLine($"ambassadors: {string.Join(", ", campaign.Ambassadors)}");

CampaignResult result = CampaignSimulator.Simulate(campaign, options, new Progress<ProgressReport>(p => Console.Write($"\r{p.Stage} {p.Fraction:P0}   ")));
Console.WriteLine();
Console.WriteLine("period  phase          adopters  incremental (95% CI)   direct  compliance  identification  internalization");
foreach (CampaignPeriodResult p in result.Periods)
{
    Console.WriteLine($"{p.Period,6}  {p.Phase,-13} {p.Adopters.Mean,9:N0}  {p.IncrementalAdopters.Mean,6:N0} [{p.IncrementalAdopters.Interval95.Lower:N0}, {p.IncrementalAdopters.Interval95.Upper:N0}]  {p.Direct.Mean,8:N0}  {p.Compliance.Mean,10:N0}  {p.Identification.Mean,14:N0}  {p.Internalization.Mean,15:N0}");
}

foreach (ChannelResult c in result.Channels)
{
    Console.WriteLine($"{c.Name}: spend {c.Spend:N0}, attributed adopters {c.AttributedAdopters.Mean:N0}, cost per adoption {c.CostPerAdoption?.Mean:N0}, ROI {c.Roi?.Mean:P0}");
}

Console.WriteLine($"reserve {result.Reserve.ReserveShare:P0}: {result.Reserve.WithReserve.Mean:N0} vs all committed {result.Reserve.AnnualFixed.Mean:N0}; best share {result.Reserve.BestShare:P0}");

// 3. The same kind of campaign composed from the domain objects: the Channels model's channels, a Kelman model, an
//    opportunity process and community inputs, as the other models take them.
Campaign composed = new CampaignBuilder()
    .WithName("composed: blog and wiki")
    .WithStrategy(new Strategy("Grow adoption", "Online buyers", "Adoptions"))
    .AddPhase(new CampaignPhase { Name = "launch", Kind = CampaignPhaseKind.Launch, Periods = 2, SpendWeight = 2 })
    .AddPhase(new CampaignPhase { Name = "sustain", Kind = CampaignPhaseKind.Sustain, Periods = 6 })
    .WithPopulation(new ConsumerPopulation { Consumers = 3_000 })
    .AddChannel(new Channel("CEO blog", [0.10, 0.12, 0.08], 5_000, new HillCurve(0.6, 4_000, 1), new GeometricAdstock(0.5, 5)),
                new ChannelActivation { ActionRate = 0.28, ReviewCredibility = 0.4 })
    .AddChannel(new Channel("wiki", [0.30, 0.20, 0.08], 8_000, new MichaelisMentenCurve(0.5, 6_000)),
                new ChannelActivation { ActionRate = 0.05, ReviewCredibility = 0.8 })
    .WithAmbassadors(new AmbassadorProgram { Count = 10, Employees = 150 })
    .WithBudget(new CampaignBudget { AnnualTotal = 150_000, MaxChannels = 2 })
    .WithOpportunities(new OpportunityProcess { ArrivalRate = 1 })
    .WithInfluence(new KelmanInfluence { MaxPeriods = 6 })
    .WithCommunity(CommunityRoiInputs.Default with { LaunchCost = 0 }, joinShare: 0.15)
    .WithPlanningSeed(7)
    .Build();
Console.WriteLine($"{composed.Name}: {string.Join(", ", composed.ChannelPlan.Select(c => c.Name))}; {CampaignSimulator.Simulate(composed, options).Summary.IncrementalAdopters}");

// 4. What-ifs on common random numbers: no ambassadors; a higher channel cap (the selector may still pick the same
//    channels when more would not pay); the budget doubled.
CampaignComparison comparison = CampaignSimulator.Compare(
[
    campaign,
    (small with { Name = "no ambassadors", Ambassadors = AmbassadorProgram.None }).Build(),
    (small with { Name = "up to every channel allowed", Budget = small.Budget with { MaxChannels = small.Channels.Count } }).Build(),
    (small with { Name = "double budget", Budget = small.Budget with { AnnualTotal = 2 * small.Budget.AnnualTotal } }).Build(),
], options);
foreach (CampaignResult r in comparison.Results)
{
    CampaignSummary s = r.Summary;
    Console.WriteLine($"{r.Name,-55} incremental {s.IncrementalAdopters.Mean,7:N0} ± {s.IncrementalAdopters.Interval95.Upper - s.IncrementalAdopters.Mean,4:N0}   spend {s.TotalSpend,9:N0}   cost/adoption {s.CostPerAdoption?.Mean,6:N0}");
}

// 5. Save the scenario to start your own: edit the JSON, then `influence validate` and `influence run` it.
string scenarioPath = Path.Combine(Path.GetTempPath(), "my-scenario.json");
small.Save(scenarioPath);
Console.WriteLine($"wrote {scenarioPath}");
