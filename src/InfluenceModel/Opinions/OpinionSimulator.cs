using InfluenceModel.Internal;

namespace InfluenceModel.Opinions;

/// <summary>
/// Simulates an <see cref="OpinionModel"/> — DeGroot, Friedkin–Johnsen, Hegselmann–Krause, Deffuant–Weisbuch, voter,
/// majority rule, SIR or SIS word of mouth — on a social graph. A deterministic model is iterated once; a stochastic one
/// is run <see cref="SimulationOptions.Simulations"/> times in parallel, simulation i drawing from its own random stream
/// (seed, i), and every sum is an exact integer (node values in fixed point), so the result is bit-identical at any
/// degree of parallelism.
/// </summary>
public static class OpinionSimulator
{
    /// <summary>The progress stage of a stochastic model; Completed counts finished runs.</summary>
    internal const string SimulatingStage = "simulating";

    /// <summary>The progress stage of a deterministic model; Completed counts periods.</summary>
    internal const string IteratingStage = "iterating";

    /// <summary>Simulates the request's model from its initial opinions.</summary>
    /// <param name="request">The graph, the model, the initial opinions and the period limit.</param>
    /// <param name="options">
    /// Simulations, seed and parallelism; null for <see cref="SimulationOptions.Default"/> (10,000 simulations, seed 0, all
    /// cores). A deterministic model (<see cref="OpinionModel.IsStochastic"/> false) runs once and ignores them.
    /// </param>
    /// <param name="progress">
    /// Receives ("simulating", runs done, runs) for a stochastic model or ("iterating", periods done,
    /// <see cref="OpinionRequest.MaxPeriods"/>) for a deterministic one, at most every 50 ms and once at the end; optional.
    /// </param>
    /// <param name="cancellationToken">Cancels the simulation; checked before every period of every run (one O(n + m) sweep at most), so it stops within milliseconds on graphs of millions of arcs.</param>
    /// <returns>The final opinions, the per-period trajectory and the convergence figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">A per-node model value does not have one value per node (e.g. ParamName "StubbornnessByNode").</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static OpinionOutcome Simulate(
        OpinionRequest request,
        SimulationOptions? options = null,
        IProgress<ProgressReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= SimulationOptions.Default;
        OpinionModel model = request.Model;
        Func<OpinionRun> createRun = model.Prepare(request);
        bool stochastic = model.IsStochastic;
        int simulations = stochastic ? options.Simulations : 1;
        int n = request.Graph.NodeCount;
        int maxPeriods = request.MaxPeriods;
        ulong seed = options.Seed;
        var reporter = stochastic
            ? new ProgressReporter(progress, SimulatingStage, simulations)
            : new ProgressReporter(progress, IteratingStage, maxPeriods);
        var tallies = new List<OpinionTally>();
        DeterministicParallel.For(
            simulations,
            stochastic ? options.EffectiveParallelism : 1,
            () =>
            {
                var tally = new OpinionTally(createRun(), n);
                lock (tallies)
                {
                    tallies.Add(tally);
                }

                return tally;
            },
            (tally, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var rng = new Xoshiro256(seed, (ulong)i);
                    tally.RunOne(ref rng, maxPeriods, stochastic ? null : reporter, cancellationToken);
                    if (stochastic)
                    {
                        reporter.Advance();
                    }
                }
            },
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var total = OpinionTally.Combine(tallies, n);
        double[] finals = stochastic ? total.MeanFinals(simulations) : tallies[0].Run.Values();
        reporter.Complete();
        return new OpinionOutcome
        {
            Model = model.Name,
            Kind = model.Kind,
            Simulations = simulations,
            ShareLabels = OpinionRun.ShareLabels(model, request.Bins),
            Trajectory = total.Trajectory(simulations, n),
            FinalOpinions = finals,
            FinalMean = total.FinalMean.ToEstimate(OpinionRun.FixedScale),
            Periods = total.Periods.ToEstimate(1),
            Converged = total.Converged.ToEstimate(1),
            Clusters = model.Kind == OpinionKind.Continuous ? total.Clusters.ToEstimate(1) : null,
            FixationProbability = model.Kind == OpinionKind.Binary ? total.Fixation.ToEstimate(1) : null,
        };
    }
}

/// <summary>
/// One worker's sums over its runs, all exact integers: per-period summaries (mean, min, max in fixed point; share
/// counts), the final state carried forward past a run's end (added once to a difference array), per-node final sums
/// and the per-run figures' first two moments.
/// </summary>
internal sealed class OpinionTally
{
    private readonly int _stride;
    private readonly long[] _scratch;
    private long[] _direct;
    private long[] _tail;

    public OpinionTally(OpinionRun run, int nodeCount)
    {
        Run = run;
        _stride = 3 + run.ShareCount;
        _scratch = new long[_stride];
        _direct = new long[_stride * 16];
        _tail = new long[_stride * 16];
        Finals = new long[nodeCount];
    }

    public OpinionRun Run { get; }

    /// <summary>Periods recorded (the longest run's last period + 1).</summary>
    public int Length { get; private set; }

    public long[] Finals { get; }

    public Moments FinalMean;
    public Moments Periods;
    public Moments Converged;
    public Moments Clusters;
    public Moments Fixation;

    public void RunOne(ref Xoshiro256 rng, int maxPeriods, ProgressReporter? perPeriod, CancellationToken cancellationToken)
    {
        bool done = Run.Start();
        Record(0);
        int period = 0;
        while (!done && period < maxPeriods)
        {
            cancellationToken.ThrowIfCancellationRequested();
            done = Run.Step(ref rng);
            period++;
            Record(period);
            perPeriod?.Advance();
        }

        // The final state counts for every later period of longer runs: add it once at period + 1 of the tail.
        Ensure(period + 2);
        AddTo(_tail, period + 1);
        Run.AddFinal(Finals);
        FinalMean.Add(_scratch[0]);
        Periods.Add(period);
        Converged.Add(done ? 1 : 0);
        Clusters.Add(Run.Clusters());
        Fixation.Add(Run.FixatedOnOne ? 1 : 0);
    }

    /// <summary>The sums of all workers (integer sums: the order does not matter).</summary>
    public static OpinionTally Combine(List<OpinionTally> tallies, int nodeCount)
    {
        var total = new OpinionTally(tallies[0].Run, nodeCount);
        int length = tallies.Max(t => t.Length);
        total.Ensure(length + 1);
        total.Length = length;
        foreach (var t in tallies)
        {
            for (int i = 0; i < t.Length * t._stride; i++)
            {
                total._direct[i] += t._direct[i];
            }

            for (int i = 0; i < Math.Min(t._tail.Length, total._tail.Length); i++)
            {
                total._tail[i] += t._tail[i];
            }

            for (int v = 0; v < nodeCount; v++)
            {
                total.Finals[v] += t.Finals[v];
            }

            total.FinalMean.Add(t.FinalMean);
            total.Periods.Add(t.Periods);
            total.Converged.Add(t.Converged);
            total.Clusters.Add(t.Clusters);
            total.Fixation.Add(t.Fixation);
        }

        return total;
    }

    public double[] MeanFinals(int simulations)
    {
        var means = new double[Finals.Length];
        for (int v = 0; v < means.Length; v++)
        {
            means[v] = Finals[v] / OpinionRun.FixedScale / simulations;
        }

        return means;
    }

    public IReadOnlyList<OpinionPeriod> Trajectory(int simulations, int nodeCount)
    {
        var periods = new OpinionPeriod[Length];
        var carried = new long[_stride];
        double runs = simulations, nodeRuns = Math.Max(1.0, (double)simulations * nodeCount);
        for (int p = 0; p < Length; p++)
        {
            int at = p * _stride;
            for (int j = 0; j < _stride; j++)
            {
                carried[j] += _tail[at + j];
            }

            var shares = new double[_stride - 3];
            for (int j = 0; j < shares.Length; j++)
            {
                shares[j] = (_direct[at + 3 + j] + carried[3 + j]) / nodeRuns;
            }

            periods[p] = new OpinionPeriod
            {
                Period = p,
                Mean = (_direct[at] + carried[0]) / OpinionRun.FixedScale / runs,
                Minimum = (_direct[at + 1] + carried[1]) / OpinionRun.FixedScale / runs,
                Maximum = (_direct[at + 2] + carried[2]) / OpinionRun.FixedScale / runs,
                Shares = shares,
            };
        }

        return periods;
    }

    private void Record(int period)
    {
        Array.Clear(_scratch);
        var (mean, min, max) = Run.Summarise(_scratch.AsSpan(3));
        _scratch[0] = (long)Math.Round(mean * OpinionRun.FixedScale);
        _scratch[1] = (long)Math.Round(min * OpinionRun.FixedScale);
        _scratch[2] = (long)Math.Round(max * OpinionRun.FixedScale);
        Ensure(period + 1);
        AddTo(_direct, period);
        Length = Math.Max(Length, period + 1);
    }

    private void AddTo(long[] target, int period)
    {
        int at = period * _stride;
        for (int j = 0; j < _stride; j++)
        {
            target[at + j] += _scratch[j];
        }
    }

    private void Ensure(int periods)
    {
        int needed = periods * _stride;
        if (_direct.Length < needed)
        {
            int size = Math.Max(needed, _direct.Length * 2);
            Array.Resize(ref _direct, size);
            Array.Resize(ref _tail, size);
        }
    }

    /// <summary>Exact first two moments of integer per-run figures (Int128: no overflow for 10⁸ runs of 2³² values).</summary>
    internal struct Moments
    {
        private Int128 _sum;
        private Int128 _squares;
        private long _count;

        public void Add(long value)
        {
            _sum += value;
            _squares += (Int128)value * value;
            _count++;
        }

        public void Add(Moments other)
        {
            _sum += other._sum;
            _squares += other._squares;
            _count += other._count;
        }

        /// <summary>The mean of value / <paramref name="scale"/> with its standard error.</summary>
        public readonly Estimate ToEstimate(double scale)
        {
            double mean = (double)_sum / _count / scale;
            // N·Σx² − (Σx)² is exact; variance = that / (N(N − 1)).
            Int128 spread = (_count * _squares) - (_sum * _sum);
            double standardError = _count > 1 ? Math.Sqrt((double)spread / ((double)_count * (_count - 1)) / _count) / scale : 0;
            return new Estimate(mean, standardError, _count);
        }
    }
}
