using InfluenceModel.Internal;

namespace InfluenceModel.Budgeting;

/// <summary>
/// A plan, an opportunity process and a reserve share flattened into arrays for the simulation hot loop. Immutable
/// after construction; shared by all threads.
/// </summary>
internal sealed class PlanModel
{
    public PlanModel(BudgetPlan plan, OpportunityProcess process, double reserveShare, string opportunitiesName = "Opportunities")
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(process);
        Guard.Probability(reserveShare);
        if (process.Seasonality is { } season && season.Count != plan.Periods)
        {
            throw new ArgumentException(
                $"Seasonality has {season.Count} multipliers; the plan has {plan.Periods} periods.", opportunitiesName);
        }

        Process = process;
        Periods = plan.Periods;
        Channels = plan.Channels.Count;
        FlexibleAmount = reserveShare * plan.AnnualTotal;
        CommittedAmount = plan.AnnualTotal - FlexibleAmount;
        Multiple = new double[Channels];
        Launch = new int[Channels];
        FailureProbability = new double[Channels];
        Depression = new double[Channels];
        Duration = new int[Channels];
        CommittedShare = new double[Channels];
        AtRiskShare = new double[Channels];
        double total = plan.AllocationSum;

        for (int c = 0; c < Channels; c++)
        {
            var channel = plan.Channels[c];
            Multiple[c] = channel.ReturnMultiple;
            Launch[c] = channel.LaunchPeriod;
            if (channel.FirstImpression is { } risk)
            {
                FailureProbability[c] = risk.FailureProbability;
                Depression[c] = risk.Depression;
                Duration[c] = risk.DurationPeriods;
            }

            double share = 0, atRisk = 0;
            for (int t = 0; t < Periods; t++)
            {
                double a = total == 0 ? 0 : channel.Allocation[t] / total;
                share += a;
                if (t >= Launch[c] && t < Launch[c] + Duration[c])
                {
                    atRisk += a;
                }
            }

            CommittedShare[c] = share;
            AtRiskShare[c] = atRisk;
        }

        Rate = new double[Periods];
        for (int t = 0; t < Periods; t++)
        {
            Rate[t] = process.RateAt(t);
        }

        PoissonZero = new double[Periods];
        for (int t = 0; t < Periods; t++)
        {
            PoissonZero[t] = Math.Exp(-Math.Min(Rate[t], YearScenario.PoissonPiece));
        }

        Suffix = new double[Channels * Periods * 3];
        BestRealised = new double[Channels * 2];
        for (int c = 0; c < Channels; c++)
        {
            for (int t = 0; t < Periods; t++)
            {
                int at = ((c * Periods) + t) * 3;
                Suffix[at] = SuffixMultiple(c, t, 0);
                Suffix[at + 1] = SuffixMultiple(c, t, 1);
                Suffix[at + 2] = SuffixMultiple(c, t, FailureProbability[c]);
                BestRealised[2 * c] = Math.Max(BestRealised[2 * c], Suffix[at]);
                BestRealised[(2 * c) + 1] = Math.Max(BestRealised[(2 * c) + 1], Suffix[at + 1]);
            }
        }

        LogCostMedian = Math.Log(process.CostMedian);
        LogValueMedian = Math.Log(process.ValueMultipleMedian);
    }

    public OpportunityProcess Process { get; }

    public int Periods { get; }

    public int Channels { get; }

    /// <summary>ρ·B, the flexible money.</summary>
    public double FlexibleAmount { get; }

    /// <summary>(1 − ρ)·B, the committed money.</summary>
    public double CommittedAmount { get; }

    public double[] Multiple { get; }

    public int[] Launch { get; }

    public double[] FailureProbability { get; }

    public double[] Depression { get; }

    public int[] Duration { get; }

    /// <summary>Share of the committed money in each channel (Σ_t a(c,t)/Σa).</summary>
    public double[] CommittedShare { get; }

    /// <summary>Share of the committed money in each channel's depression window after a failed launch.</summary>
    public double[] AtRiskShare { get; }

    /// <summary>λ·s(t) per period.</summary>
    public double[] Rate { get; }

    /// <summary>e^{−min(λ(t), 30)}, the first term of the Poisson inversion per period.</summary>
    public double[] PoissonZero { get; }

    /// <summary>
    /// SuffixMultiple(c, t, φ) tabulated at [((c·T) + t)·3 + k] for k = 0 (launch succeeded), 1 (failed), 2 (expected).
    /// </summary>
    public double[] Suffix { get; }

    /// <summary>max_t SuffixMultiple(c, t, φ) at [2c + φ] for φ ∈ {0, 1}.</summary>
    public double[] BestRealised { get; }

    public double LogCostMedian { get; }

    public double LogValueMedian { get; }

    /// <summary>
    /// Value of the committed money in a year with the given launch failures:
    /// (1 − ρ)·B·Σ_c m_c·(share_c − 1{failed_c}·d_c·atRisk_c).
    /// </summary>
    public double CommittedValue(bool[] failed)
    {
        double value = 0;
        for (int c = 0; c < Channels; c++)
        {
            double share = CommittedShare[c];
            if (failed[c])
            {
                share -= Depression[c] * AtRiskShare[c];
            }

            value += Multiple[c] * share;
        }

        return CommittedAmount * value;
    }

    /// <summary>
    /// The multiple earned by money committed at period <paramref name="period"/> to channel <paramref name="channel"/>
    /// and spread evenly over the remaining periods, given a failure indicator (or probability) φ:
    /// m_c·(1 − φ·d_c·|[launch, launch + D) ∩ [t, T)|/(T − t)).
    /// </summary>
    public double SuffixMultiple(int channel, int period, double failure)
    {
        int from = Math.Max(period, Launch[channel]);
        int to = Math.Min(Periods, Launch[channel] + Duration[channel]);
        double overlap = Math.Max(0, to - from);
        return Multiple[channel] * (1 - (failure * Depression[channel] * overlap / (Periods - period)));
    }

    /// <summary>The best channel for money committed at <paramref name="period"/> by expected multiple (no launch outcome known).</summary>
    public double BestExpectedMultiple(int period)
    {
        double best = 0;
        for (int c = 0; c < Channels; c++)
        {
            best = Math.Max(best, SuffixMultiple(c, period, FailureProbability[c]));
        }

        return best;
    }
}
