using FsCheck;
using FsCheck.Xunit;
using InfluenceModel.Budgeting;

namespace InfluenceModel.Tests.Budgeting;

public class KnapsackTableTests
{
    /// <summary>A small discrete instance: item type j has weight w_j, probability π_j and equally likely rewards.</summary>
    private sealed record Instance(int Periods, int Steps, int Units, double[] Arrival, int[] Weights, double[] Probabilities, double[][] Rewards, double[] Commit);

    [Fact]
    public void Solve_OnSmallDiscreteInstance_EqualsBruteForceAndThresholdPolicyAttainsIt()
    {
        var instance = new Instance(3, 2, 4, [0.7, 0.5, 0.6, 0.4, 0.8, 0.3], [1, 2, 3], [0.5, 0.3, 0.2],
            [[0.2, 1.5], [1.0, 2.6], [2.0, 4.5]], [0.5, 0.6, 0.4]);
        Check(instance);
    }

    [Property(MaxTest = 60)]
    public bool Solve_OnRandomSmallInstances_EqualsBruteForce(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        int periods = random.Next(1, 4), steps = random.Next(1, 3), units = random.Next(1, 6), types = random.Next(1, 4);
        var arrival = Enumerable.Range(0, periods * steps).Select(_ => random.NextDouble()).ToArray();
        var weights = Enumerable.Range(0, types).Select(_ => random.Next(1, units + 2)).ToArray();
        var raw = Enumerable.Range(0, types).Select(_ => random.NextDouble() + 0.1).ToArray();
        var probabilities = raw.Select(x => x / raw.Sum()).ToArray();
        var rewards = Enumerable.Range(0, types).Select(_ => new[] { random.NextDouble() * 3, random.NextDouble() * 3 }).ToArray();
        var commit = random.Next(2) == 0 ? null! : Enumerable.Range(0, periods).Select(_ => random.NextDouble()).ToArray();
        Check(new Instance(periods, steps, units, arrival, weights, probabilities, rewards, commit));
        return true;
    }

    private static void Check(Instance x)
    {
        var table = KnapsackTable.Solve(x.Periods, x.Steps, x.Units, x.Arrival, x.Weights, x.Probabilities,
            (j, delta) => x.Rewards[j].Average(r => Math.Max(r - delta, 0)), x.Commit);
        for (int b = 0; b <= x.Units; b++)
        {
            double optimum = BruteForce(x, 0, b);
            Assert.Equal(optimum, table.Value(0, b), 10);
            Assert.Equal(optimum, EvaluatePolicy(x, table, 0, b), 10);
        }
    }

    /// <summary>
    /// Expectimax over the full tree of outcomes (no arrival, or item j with reward r) and decisions (commit x units at a
    /// period start; accept or reject each item), written independently of the DP's excess formula.
    /// </summary>
    private static double BruteForce(Instance x, int stage, int budget)
    {
        if (stage == x.Periods * x.Steps)
        {
            return 0;
        }

        if (stage % x.Steps == 0 && x.Commit is not null)
        {
            double best = double.NegativeInfinity;
            for (int units = 0; units <= budget; units++)
            {
                best = Math.Max(best, (x.Commit[stage / x.Steps] * units) + Arrivals(x, stage, budget - units));
            }

            return best;
        }

        return Arrivals(x, stage, budget);
    }

    private static double Arrivals(Instance x, int stage, int budget)
    {
        double reject = BruteForce(x, stage + 1, budget);
        double value = (1 - x.Arrival[stage]) * reject;
        for (int j = 0; j < x.Weights.Length; j++)
        {
            foreach (double reward in x.Rewards[j])
            {
                double decision = reject;
                if (x.Weights[j] <= budget)
                {
                    decision = Math.Max(reject, reward + BruteForce(x, stage + 1, budget - x.Weights[j]));
                }

                value += x.Arrival[stage] * x.Probabilities[j] / x.Rewards[j].Length * decision;
            }
        }

        return value;
    }

    /// <summary>Expected value of following the table's commit amounts and accept thresholds, by enumeration.</summary>
    private static double EvaluatePolicy(Instance x, KnapsackTable table, int stage, int budget)
    {
        if (stage == x.Periods * x.Steps)
        {
            return 0;
        }

        double value = 0;
        if (stage % x.Steps == 0 && x.Commit is not null)
        {
            int units = table.CommitUnits(stage / x.Steps, budget);
            value += x.Commit[stage / x.Steps] * units;
            budget -= units;
        }

        double reject = EvaluatePolicy(x, table, stage + 1, budget);
        value += (1 - x.Arrival[stage]) * reject;
        for (int j = 0; j < x.Weights.Length; j++)
        {
            foreach (double reward in x.Rewards[j])
            {
                int w = x.Weights[j];
                bool accept = w <= budget && reward >= table.Threshold(stage, budget, w);
                double outcome = accept ? reward + EvaluatePolicy(x, table, stage + 1, budget - w) : reject;
                value += x.Arrival[stage] * x.Probabilities[j] / x.Rewards[j].Length * outcome;
            }
        }

        return value;
    }
}
