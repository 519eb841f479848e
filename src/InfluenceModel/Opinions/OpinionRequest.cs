using InfluenceModel.Internal;
using InfluenceModel.Networks;

namespace InfluenceModel.Opinions;

/// <summary>
/// What <see cref="OpinionSimulator.Simulate"/> simulates: an <see cref="OpinionModel"/> on a graph from given initial
/// opinions, for at most <see cref="MaxPeriods"/> periods. How to simulate it (runs, random seed, parallelism) is a
/// <see cref="SimulationOptions"/>.
/// </summary>
/// <remarks>
/// Everything is checked when the request is built (the graph against the model when it is simulated: per-node
/// stubbornness must have one value per node). Immutable (the opinions are copied) and thread-safe.
/// </remarks>
public sealed record OpinionRequest
{
    private readonly double[] _initial;
    private readonly int _maxPeriods = 1_000;
    private readonly double _tolerance = 1e-6;
    private readonly int _bins = 10;

    /// <summary>A request to simulate <paramref name="model"/> on <paramref name="graph"/> from <paramref name="initialOpinions"/>.</summary>
    /// <param name="graph">The graph; an arc u → v means u influences (or tells) v.</param>
    /// <param name="model">The model.</param>
    /// <param name="initialOpinions">
    /// One value per node in dense-index order: for a <see cref="OpinionKind.Continuous"/> model an opinion in [0, 1]; for a
    /// <see cref="OpinionKind.Binary"/> model 0 or 1; for a <see cref="OpinionKind.WordOfMouth"/> model 1 for a node telling
    /// at the start (a seed) and 0 for a susceptible one.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/>, <paramref name="model"/> or <paramref name="initialOpinions"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="initialOpinions"/> does not have one value per node (ParamName "initialOpinions").</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside [0, 1], NaN, or (binary and word-of-mouth models) neither 0 nor 1 (ParamName "initialOpinions").</exception>
    public OpinionRequest(SocialGraph graph, OpinionModel model, IReadOnlyList<double> initialOpinions)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(initialOpinions);
        if (initialOpinions.Count != graph.NodeCount)
        {
            throw new ArgumentException($"{nameof(initialOpinions)} must have one value per node ({graph.NodeCount}); it has {initialOpinions.Count}.", nameof(initialOpinions));
        }

        bool binary = model.Kind != OpinionKind.Continuous;
        _initial = new double[initialOpinions.Count];
        for (int i = 0; i < _initial.Length; i++)
        {
            double x = initialOpinions[i];
            if (binary ? x is not (0.0 or 1.0) : !(x >= 0 && x <= 1))
            {
                string allowed = binary ? "0 or 1" : "a finite number in [0, 1]";
                throw new ArgumentOutOfRangeException(nameof(initialOpinions), x, $"{nameof(initialOpinions)}[{i}] must be {allowed} for the '{model.Name}' model; it was {x}.");
            }

            _initial[i] = x;
        }

        Graph = graph;
        Model = model;
    }

    /// <summary>The graph.</summary>
    public SocialGraph Graph { get; }

    /// <summary>The model.</summary>
    public OpinionModel Model { get; }

    /// <summary>The initial value of every node in dense-index order (see the constructor).</summary>
    public IReadOnlyList<double> InitialOpinions => _initial;

    /// <summary>
    /// The most periods a run lasts, in [1, 100,000]; default 1,000. A run stops earlier once it has converged (see
    /// <see cref="Tolerance"/>) or is absorbed (consensus; nobody telling). A period is one synchronous sweep (DeGroot,
    /// Friedkin–Johnsen, Hegselmann–Krause, SIR, SIS) or n random updates (Deffuant–Weisbuch, voter, majority rule).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [1, 100,000].</exception>
    public int MaxPeriods
    {
        get => _maxPeriods;
        init => _maxPeriods = Guard.InRange(value, 1, 100_000, nameof(MaxPeriods));
    }

    /// <summary>
    /// Convergence tolerance of the continuous models, in (0, 1e-3]; default 1e-6. DeGroot, Friedkin–Johnsen and
    /// Hegselmann–Krause stop when no opinion moves by more than this in a period; Deffuant–Weisbuch when every arc joins
    /// opinions closer than this or at least ε apart. Ignored by the other models.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1e-3].</exception>
    public double Tolerance
    {
        get => _tolerance;
        init => _tolerance = Guard.InRangeExclusiveMin(value, 0, 1e-3, nameof(Tolerance));
    }

    /// <summary>
    /// The number of equal-width bins of [0, 1] the trajectory's <see cref="OpinionPeriod.Shares"/> count continuous
    /// opinions in, in [1, 100]; default 10. Ignored by binary and word-of-mouth models.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [1, 100].</exception>
    public int Bins
    {
        get => _bins;
        init => _bins = Guard.InRange(value, 1, 100, nameof(Bins));
    }

    /// <summary>The initial values as the array the runs read (no copy).</summary>
    internal double[] InitialArray => _initial;

    /// <summary>The nodes whose initial value is 1 (opinion 1; telling), in index order.</summary>
    internal int[] NodesHoldingOne()
    {
        var ones = new List<int>();
        for (int v = 0; v < _initial.Length; v++)
        {
            if (_initial[v] == 1)
            {
                ones.Add(v);
            }
        }

        return [.. ones];
    }
}
