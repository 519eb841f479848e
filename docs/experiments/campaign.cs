#:project ../../src/InfluenceModel/InfluenceModel.csproj
// Campaign walkthrough: the source article's campaign, then three what-ifs on common random numbers.
// Run from the repository root: dotnet run docs/experiments/campaign.cs
using InfluenceModel;
using InfluenceModel.Campaigns;

// 1. The built-in scenario: six candidate channels, an employee ambassador program, a 20% reserve, a user community,
//    10,000 consumers on a stochastic block model whose blocks are the article's segments (22% always read reviews,
//    43% most of the time, 35% less often). Every number and its source: docs/models/campaign.md.
CampaignScenario scenario = CampaignScenario.Default;
Console.WriteLine($"{scenario.Name}: {scenario.Channels.Count} candidate channels, {scenario.TotalPeriods} periods, budget {scenario.Budget.AnnualTotal:N0}");

// Validation reports every problem with its JSON path; nothing runs on an invalid scenario.
CampaignScenario broken = scenario with { Budget = scenario.Budget with { ReserveShare = 1.4 } };
foreach (ScenarioProblem problem in broken.Validate())
{
    Console.WriteLine($"  invalid: {problem}");
}

// 2. Build and simulate. A smaller network and 20 runs keep the walkthrough quick.
var options = new SimulationOptions { Simulations = 20, Seed = 7 };
CampaignScenario small = scenario with { Population = scenario.Population with { Consumers = 3_000 } };
Campaign campaign = Campaign.FromScenario(small);
Console.WriteLine($"channels chosen: {string.Join(", ", campaign.ChannelPlan.Select(c => $"{c.Name} ({c.Total:N0})"))}");
Console.WriteLine($"ambassadors: {string.Join(", ", campaign.Ambassadors)}");

CampaignResult result = CampaignSimulator.Simulate(campaign, options);
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

// 3. What-ifs on common random numbers: no ambassadors; a higher channel cap (the selector may still pick the same
//    channels when more would not pay); the budget doubled.
CampaignComparison comparison = CampaignSimulator.Compare(
[
    campaign,
    Campaign.FromScenario(small with { Name = "no ambassadors", Ambassadors = small.Ambassadors with { Count = 0 } }),
    Campaign.FromScenario(small with { Name = "up to every channel allowed", Budget = small.Budget with { MaxChannels = small.Channels.Count } }),
    Campaign.FromScenario(small with { Name = "double budget", Budget = small.Budget with { AnnualTotal = 2 * small.Budget.AnnualTotal } }),
], options);
foreach (CampaignResult r in comparison.Results)
{
    CampaignSummary s = r.Summary;
    Console.WriteLine($"{r.Name,-55} incremental {s.IncrementalAdopters.Mean,7:N0} ± {s.IncrementalAdopters.Interval95.Upper - s.IncrementalAdopters.Mean,4:N0}   spend {s.TotalSpend,9:N0}   cost/adoption {s.CostPerAdoption?.Mean,6:N0}");
}

// 4. Save the scenario to start your own: edit the JSON, then `influence validate` and `influence run` it.
string scenarioPath = Path.Combine(Path.GetTempPath(), "my-scenario.json");
File.WriteAllText(scenarioPath, small.ToJson());
Console.WriteLine($"wrote {scenarioPath}");
