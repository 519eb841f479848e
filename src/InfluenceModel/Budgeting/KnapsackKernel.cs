using MathNet.Numerics.Distributions;

namespace InfluenceModel.Budgeting;

/// <summary>
/// The <see cref="StochasticKnapsackPolicy"/> decision kernel: the DP table for the plan model with the cost
/// distribution discretised into equal-probability quantile nodes and the value multiple kept log-normal (the excess
/// E[(c·V − Δ)⁺] = c·E[(V − Δ/c)⁺] in closed form).
/// </summary>
internal sealed class KnapsackKernel : PolicyKernel
{
    internal const int CostNodes = 24;

    private readonly KnapsackTable? _table;
    private readonly double _unit;

    private KnapsackKernel(KnapsackTable? table, double unit)
    {
        _table = table;
        _unit = unit;
    }

    public static KnapsackKernel Create(PlanModel model, int budgetUnits, int stepsPerPeriod, CancellationToken cancellationToken)
    {
        if (model.FlexibleAmount <= 0)
        {
            return new KnapsackKernel(null, 0);
        }

        int periods = model.Periods;
        double maxRate = 0;
        foreach (double rate in model.Rate)
        {
            maxRate = Math.Max(maxRate, rate);
        }

        int steps = stepsPerPeriod > 0 ? stepsPerPeriod : Math.Clamp((int)Math.Ceiling(2 * maxRate), 1, 16);
        double unit = model.FlexibleAmount / budgetUnits;
        var arrival = new double[periods * steps];
        for (int s = 0; s < arrival.Length; s++)
        {
            arrival[s] = Math.Min(1, model.Rate[s / steps] / steps);
        }

        var process = model.Process;
        int nodes = process.CostSigma == 0 ? 1 : CostNodes;
        var cost = new double[nodes];
        var weights = new int[nodes];
        var probabilities = new double[nodes];
        var costDistribution = process.CostSigma == 0 ? null : new LogNormal(model.LogCostMedian, process.CostSigma);
        for (int j = 0; j < nodes; j++)
        {
            cost[j] = costDistribution is null ? process.CostMedian : costDistribution.InverseCumulativeDistribution((j + 0.5) / nodes);
            weights[j] = UnitsOf(cost[j], unit);
            probabilities[j] = 1.0 / nodes;
        }

        double meanMultiple = process.MeanValueMultiple;
        var commit = new double[periods];
        for (int t = 0; t < periods; t++)
        {
            commit[t] = model.BestExpectedMultiple(t) * unit;
        }

        var table = KnapsackTable.Solve(
            periods, steps, budgetUnits, arrival, weights, probabilities,
            (j, delta) => cost[j] * process.ExpectedExcessMultiple(delta / cost[j], meanMultiple),
            commit,
            cancellationToken);
        return new KnapsackKernel(table, unit);
    }

    public override void OnPeriodStart(YearRun run, int period)
    {
        if (_table is null)
        {
            return;
        }

        int x = _table.CommitUnits(period, Units(run.Pool));
        if (x > 0)
        {
            run.CommitToBestChannel(x * _unit);
        }
    }

    public override bool Accept(YearRun run, int period, double time, double cost, double multiple)
    {
        if (_table is null)
        {
            return false;
        }

        int b = Units(run.Pool);
        int w = UnitsOf(cost, _unit);
        if (w > b)
        {
            return false;
        }

        int steps = _table.StepsPerPeriod;
        int stage = (period * steps) + Math.Min(steps - 1, (int)(time * steps));
        return cost * multiple >= _table.Threshold(stage, b, w);
    }

    /// <summary>Items use ⌈c/u⌉ units (never under-charged).</summary>
    private static int UnitsOf(double cost, double unit) => (int)Math.Clamp(Math.Ceiling((cost / unit) - 1e-9), 1, int.MaxValue - 1);

    /// <summary>Money left counts as ⌊pool/u⌋ whole units.</summary>
    private int Units(double pool) => Math.Min(_table!.Units, (int)Math.Floor((pool / _unit) + 1e-9));
}
