using InfluenceModel.Community;

namespace InfluenceModel.Campaigns;

/// <summary>
/// The user community fed by the campaign (Community ROI model, Sierra 2007): members per period = join share × mean
/// adopters, customers = the largest mean adopter count, over the campaign's periods; computed by the given
/// <see cref="ICommunityRoiCalculator"/>.
/// </summary>
internal static class CommunityAnalysis
{
    public static CommunityOutcome Analyse(Campaign campaign, IReadOnlyList<CampaignPeriodResult> periods, ICommunityRoiCalculator calculator, CancellationToken cancellationToken)
    {
        var members = new double[periods.Count];
        double customers = 0;
        for (int t = 0; t < members.Length; t++)
        {
            members[t] = campaign.CommunityJoinShare * periods[t].Adopters.Mean;
            customers = Math.Max(customers, periods[t].Adopters.Mean);
        }

        CommunityRoiInputs inputs = campaign.Community with
        {
            Horizon = members.Length,
            ObservedMembers = members,
            Customers = customers,
        };
        CommunityRoiCurve curve = calculator.Compute(inputs, cancellationToken);
        return new CommunityOutcome
        {
            Inputs = inputs,
            NetPresentValue = curve.NetPresentValue,
            BreakEvenPeriod = curve.BreakEvenPeriod,
            PaybackPeriod = curve.PaybackPeriod,
            ReturnOnInvestment = curve.ReturnOnInvestment,
        };
    }
}
