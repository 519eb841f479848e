namespace InfluenceModel.Budgeting;

/// <summary>Decides on opportunities during a simulated year; created once per run and shared by all threads.</summary>
internal abstract class PolicyKernel
{
    /// <summary>Called at the start of each period, before open opportunities are reviewed.</summary>
    public virtual void OnPeriodStart(YearRun run, int period)
    {
    }

    /// <summary>Whether to take an opportunity that fits in the money left (the caller checks the fit).</summary>
    public abstract bool Accept(YearRun run, int period, double time, double cost, double multiple);
}

/// <summary>The state of one policy in one simulated year, plus the year loop. Scratch per chunk; not thread-safe.</summary>
internal sealed class YearRun
{
    private readonly PlanModel _model;
    private bool[] _accepted = new bool[16];
    private double[] _sortKey = new double[16];
    private double[] _sortCost = new double[16];
    private int _bestChannel = -1;
    private int _currentPeriod;

    public YearRun(PlanModel model) => _model = model;

    public YearScenario Year { get; private set; } = null!;

    /// <summary>Flexible money left, in currency units.</summary>
    public double Pool { get; set; }

    /// <summary>KPI value earned by the flexible money so far.</summary>
    public double FlexibleValue { get; set; }

    public int Captured { get; private set; }

    /// <summary>The best multiple for money committed now, by what is known at the current period's start.</summary>
    public double BestKnownMultiple { get; private set; }

    /// <summary>
    /// Runs the policy over the year. Total value = committed value + flexible value; unspent money is lost.
    /// </summary>
    public void Run(PolicyKernel kernel, YearScenario year)
    {
        Year = year;
        Pool = _model.FlexibleAmount;
        FlexibleValue = 0;
        Captured = 0;
        if (_accepted.Length < year.Count)
        {
            _accepted = new bool[Math.Max(year.Count, _accepted.Length * 2)];
        }

        int window = _model.Process.DecisionWindow;
        int[] start = year.PeriodStart;
        double[] cost = year.Cost, multiple = year.Multiple, time = year.Time;
        for (int t = 0; t < _model.Periods; t++)
        {
            UpdateBestChannel(t);
            kernel.OnPeriodStart(this, t);
            if (window > 1)
            {
                for (int j = start[Math.Max(0, t - window + 1)]; j < start[t]; j++)
                {
                    if (!_accepted[j] && Fits(cost[j]) && kernel.Accept(this, t, 0, cost[j], multiple[j]))
                    {
                        Take(j);
                    }
                }
            }

            for (int j = start[t]; j < start[t + 1]; j++)
            {
                _accepted[j] = false;
                if (Fits(cost[j]) && kernel.Accept(this, t, time[j], cost[j], multiple[j]))
                {
                    Take(j);
                }
            }
        }
    }

    /// <summary>Commits <paramref name="amount"/> of the flexible money to the best known channel for the rest of the year.</summary>
    public void CommitToBestChannel(double amount)
    {
        if (_bestChannel < 0 || amount <= 0)
        {
            return;
        }

        amount = Math.Min(amount, Pool);
        Pool -= amount;
        FlexibleValue += amount * RealisedMultiple(_bestChannel, _currentPeriod);
    }

    /// <summary>
    /// Upper bound on the value the flexible money could have earned with hindsight: the fractional knapsack over the
    /// year's opportunities (profit c·V, weight c) where money left over earns the best realised channel multiple at
    /// any period. Dominates every feasible policy, so regret = bound − flexible value ≥ 0.
    /// </summary>
    public double ClairvoyantFlexibleValue()
    {
        double flexible = _model.FlexibleAmount;
        if (flexible <= 0)
        {
            return 0;
        }

        double best = 0;
        for (int c = 0; c < _model.Channels; c++)
        {
            best = Math.Max(best, _model.BestRealised[(2 * c) + (Year.Failed[c] ? 1 : 0)]);
        }

        var year = Year;
        int n = 0;
        double costSum = 0, valueSum = 0;
        if (_sortKey.Length < year.Count)
        {
            _sortKey = new double[year.Count];
            _sortCost = new double[year.Count];
        }

        for (int j = 0; j < year.Count; j++)
        {
            if (year.Multiple[j] > best)
            {
                _sortKey[n] = -year.Multiple[j];
                _sortCost[n] = year.Cost[j];
                costSum += year.Cost[j];
                valueSum += year.Cost[j] * year.Multiple[j];
                n++;
            }
        }

        if (costSum <= flexible)
        {
            return valueSum + (best * (flexible - costSum));
        }

        Array.Sort(_sortKey, _sortCost, 0, n);
        double left = flexible, value = 0;
        for (int i = 0; i < n && left > 0; i++)
        {
            double take = Math.Min(left, _sortCost[i]);
            value += take * -_sortKey[i];
            left -= take;
        }

        return value;
    }

    /// <summary>
    /// Whether an opportunity costing <paramref name="cost"/> fits the money left, with the same relative tolerance
    /// (1e-9) as the knapsack's unit accounting (<c>floor(pool/unit + 1e-9)</c>): a cost equal to the pool up to
    /// rounding fits (annual 20,000, reserve 50 %, a weekly opportunity of exactly 10,000 was never captured).
    /// </summary>
    private bool Fits(double cost) => cost <= Pool + (1e-9 * Math.Max(cost, Pool));

    private void Take(int j)
    {
        _accepted[j] = true;
        // Within the tolerance of Fits the pool may go a rounding error below 0: that is money spent to the cent, 0.
        Pool = Math.Max(0, Pool - Year.Cost[j]);
        FlexibleValue += Year.Cost[j] * Year.Multiple[j];
        Captured++;
    }

    private double RealisedMultiple(int channel, int period) =>
        _model.Suffix[(((channel * _model.Periods) + period) * 3) + (Year.Failed[channel] ? 1 : 0)];

    /// <summary>Best channel for money committed at <paramref name="period"/>: launch outcomes before it are known, later ones expected.</summary>
    private void UpdateBestChannel(int period)
    {
        _currentPeriod = period;
        _bestChannel = -1;
        BestKnownMultiple = 0;
        for (int c = 0; c < _model.Channels; c++)
        {
            int known = _model.Launch[c] < period ? (Year.Failed[c] ? 1 : 0) : 2;
            double m = _model.Suffix[(((c * _model.Periods) + period) * 3) + known];
            if (_bestChannel < 0 || m > BestKnownMultiple)
            {
                _bestChannel = c;
                BestKnownMultiple = m;
            }
        }
    }
}
