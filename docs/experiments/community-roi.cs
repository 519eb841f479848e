#:project ../../src/InfluenceModel/InfluenceModel.csproj

// Community ROI notebook: run with `dotnet run docs/experiments/community-roi.cs` from the repository root.
// Question: how strong must the community be before it pays for itself, and which inputs matter most?
using InfluenceModel.Community;
using InfluenceModel.Diffusion;

CommunityRoiInputs baseline = CommunityRoiInputs.Default;
CommunityRoiCurve curve = CommunityRoiCalculator.Compute(baseline);
Console.WriteLine("Defaults (docs/models/community-roi.md):");
Print("  baseline", curve);

// 1. The stronger the community, the less the company has to do: vary the heavy contributors' answer rate.
Console.WriteLine();
Console.WriteLine("Answers per heavy contributor per month -> share resolved by the community at month 36, payback:");
foreach (double answers in (double[])[5, 10, 20, 40, 80])
{
    CommunityRoiCurve c = CommunityRoiCalculator.Compute(baseline with { HeavyAnswersPerPeriod = answers });
    CommunityRoiPoint last = c.Points[^1];
    Console.WriteLine($"  {answers,4}: resolved {last.CommunityResolved / last.Demand,6:P1}, effort {last.CompanyEffortHours,6:N0} h, payback {c.PaybackPeriod?.ToString() ?? "none"}, tipping point {c.TippingPointMembers:N0} members");
}

// 2. The tornado table: which assumption moves the NPV most?
Console.WriteLine();
Console.WriteLine("NPV sensitivity to ±20% (largest swing first):");
foreach (CommunityRoiSensitivity row in curve.Sensitivity(0.2))
{
    Console.WriteLine($"  {row.Input,-28} {row.LowNetPresentValue,12:N0} .. {row.HighNetPresentValue,12:N0}  swing {row.Swing,10:N0}");
}

// 3. Six months of observed member counts: fit Bass growth (Srinivasan-Mason NLS) and project three years.
double[] observed = [310, 690, 1_150, 1_700, 2_350, 3_100];
CommunityRoiInputs fitted = baseline.WithMemberGrowthFittedTo(observed, BassEstimationMethod.NonlinearLeastSquares);
Console.WriteLine();
Console.WriteLine($"Bass fitted to {observed.Length} months of counts: p = {fitted.BassInnovation:G4}, q = {fitted.BassImitation:G4}, M = {fitted.MarketPotential:N0}");
Print("  fitted growth", CommunityRoiCalculator.Compute(fitted));

static void Print(string label, CommunityRoiCurve c) =>
    Console.WriteLine($"{label}: break-even {c.BreakEvenPeriod?.ToString() ?? "none"}, payback {c.PaybackPeriod?.ToString() ?? "none"}, NPV {c.NetPresentValue:N0}, ROI {c.ReturnOnInvestment:P1}");
