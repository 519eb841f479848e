using InfluenceModel.Internal;

namespace InfluenceModel.Opinions;

/// <summary>
/// An opinion-dynamics or word-of-mouth model on a social graph, simulated by <see cref="OpinionSimulator"/>. The
/// concrete models are <see cref="DeGrootModel"/>, <see cref="FriedkinJohnsenModel"/>, <see cref="HegselmannKrauseModel"/>,
/// <see cref="DeffuantWeisbuchModel"/>, <see cref="VoterModel"/>, <see cref="MajorityRuleModel"/>,
/// <see cref="SirWordOfMouth"/> and <see cref="SisWordOfMouth"/>; each is named by <see cref="Name"/> (the CLI's
/// <c>--model</c>). Equations and references: <see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/opinion-dynamics.md">docs/models/opinion-dynamics.md</see>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// A node listens to its in-neighbours: an arc u → v means u influences v (for an undirected graph every tie is both
/// arcs). The continuous models read the arc weights as trust (row-normalised per node); the others ignore them.
/// </remarks>
public abstract record OpinionModel
{
    private protected OpinionModel(string name, OpinionKind kind, bool isStochastic)
    {
        Name = name;
        Kind = kind;
        IsStochastic = isStochastic;
    }

    /// <summary>The model's short name: "degroot", "fj", "hk", "deffuant", "voter", "majority", "sir" or "sis".</summary>
    public string Name { get; }

    /// <summary>What a node's state is: a continuous opinion in [0, 1], a binary opinion 0/1, or a word-of-mouth compartment.</summary>
    public OpinionKind Kind { get; }

    /// <summary>
    /// Whether the model draws random numbers. A deterministic model (DeGroot, Friedkin–Johnsen, Hegselmann–Krause) is
    /// iterated once whatever <see cref="SimulationOptions.Simulations"/> says.
    /// </summary>
    public bool IsStochastic { get; }

    /// <summary>Validates the request's graph for this model and returns a factory of per-thread runners sharing the prepared data.</summary>
    internal abstract Func<OpinionRun> Prepare(OpinionRequest request);
}

/// <summary>
/// DeGroot (1974) consensus: x_v(t+1) = a·x_v(t) + (1 − a)·Σ_u W_vu·x_u(t), W the in-weights of v normalised to sum 1
/// and a the self-weight. On a strongly connected aperiodic graph every opinion converges to π·x(0), π the left unit
/// eigenvector of the update matrix. A node without in-weight keeps its opinion.
/// </summary>
/// <remarks>Reference: DeGroot, M. H. (1974). Reaching a consensus. JASA 69(345), 118–121.</remarks>
public sealed record DeGrootModel : OpinionModel
{
    /// <summary>Creates the model with its default parameters (set others with the init properties).</summary>
    public DeGrootModel()
        : base("degroot", OpinionKind.Continuous, false)
    {
    }

    private readonly double _selfWeight;

    /// <summary>The weight a ∈ [0, 1) a node keeps on its own opinion each period (a &gt; 0 makes the update aperiodic). Default 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1).</exception>
    public double SelfWeight
    {
        get => _selfWeight;
        init => _selfWeight = Guard.InRangeExclusiveMax(value, 0, 1, nameof(SelfWeight));
    }

    internal override Func<OpinionRun> Prepare(OpinionRequest request)
    {
        var data = new AveragingData(request, _selfWeight, null);
        return () => new AveragingRun(data);
    }
}

/// <summary>
/// Friedkin–Johnsen (1990) opinions with stubbornness: x_v(t+1) = s_v·x_v(0) + (1 − s_v)·Σ_u W_vu·x_u(t), W the
/// in-weights of v normalised to sum 1. The fixed point is x* = (I − (I − S)W)⁻¹·S·x(0). A node without in-weight
/// keeps x_v(0). With every s_v = 0 it is DeGroot's model.
/// </summary>
/// <remarks>
/// The internalization process of <c>Diffusion.KelmanInfluence</c> is this update with adopters' opinions held at 1.
/// Reference: Friedkin, N. E. and Johnsen, E. C. (1990). Social influence and opinions. J. Math. Sociology 15(3–4), 193–206.
/// </remarks>
public sealed record FriedkinJohnsenModel : OpinionModel
{
    /// <summary>Creates the model with its default parameters (set others with the init properties).</summary>
    public FriedkinJohnsenModel()
        : base("fj", OpinionKind.Continuous, false)
    {
    }

    private readonly double _stubbornness = 0.5;
    private readonly double[]? _stubbornnessByNode;

    /// <summary>The stubbornness s ∈ [0, 1] of every node (weight on its initial opinion). Default 0.5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double Stubbornness
    {
        get => _stubbornness;
        init => _stubbornness = Guard.Probability(value, nameof(Stubbornness));
    }

    /// <summary>
    /// Optional per-node stubbornness s_v ∈ [0, 1] in dense-index order, overriding <see cref="Stubbornness"/>; one value
    /// per node of the request's graph. Default null. Copied.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside [0, 1].</exception>
    public IReadOnlyList<double>? StubbornnessByNode
    {
        get => _stubbornnessByNode;
        init => _stubbornnessByNode = value is null ? null : CopyProbabilities(value);
    }

    private static double[] CopyProbabilities(IReadOnlyList<double> values)
    {
        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = Guard.Probability(values[i], nameof(StubbornnessByNode));
        }

        return copy;
    }

    /// <summary>The stubbornness of every node of an n-node graph.</summary>
    internal double[] StubbornnessOf(int nodeCount)
    {
        if (_stubbornnessByNode is { } byNode)
        {
            return byNode.Length == nodeCount
                ? byNode
                : throw Guard.Invalid(nameof(StubbornnessByNode), $"{nameof(StubbornnessByNode)} must have one value per node ({nodeCount}); it has {byNode.Length}.");
        }

        var s = new double[nodeCount];
        Array.Fill(s, _stubbornness);
        return s;
    }

    internal override Func<OpinionRun> Prepare(OpinionRequest request)
    {
        var data = new AveragingData(request, 0, StubbornnessOf(request.Graph.NodeCount));
        return () => new AveragingRun(data);
    }
}

/// <summary>
/// Hegselmann–Krause (2002) bounded confidence, synchronous: each node moves to the plain mean of the opinions within
/// ε of its own among itself and its in-neighbours, x_v(t+1) = mean{x_u(t) : u ∈ {v} ∪ N⁻(v), |x_u(t) − x_v(t)| ≤ ε}.
/// Arc weights are ignored. On a complete graph it is the original model.
/// </summary>
/// <remarks>
/// Reference: Hegselmann, R. and Krause, U. (2002). Opinion dynamics and bounded confidence: models, analysis and
/// simulation. JASSS 5(3). Lorenz, J. (2006). Consensus strikes back in the Hegselmann–Krause model of continuous opinion
/// dynamics under bounded confidence. JASSS 9(1).
/// </remarks>
public sealed record HegselmannKrauseModel : OpinionModel
{
    /// <summary>Creates the model with its default parameters (set others with the init properties).</summary>
    public HegselmannKrauseModel()
        : base("hk", OpinionKind.Continuous, false)
    {
    }

    private readonly double _confidence = 0.2;

    /// <summary>The confidence bound ε ∈ (0, 1]: a node listens to opinions at most ε from its own. Default 0.2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1].</exception>
    public double Confidence
    {
        get => _confidence;
        init => _confidence = Guard.InRangeExclusiveMin(value, 0, 1, nameof(Confidence));
    }

    internal override Func<OpinionRun> Prepare(OpinionRequest request)
    {
        var data = new ContinuousData(request);
        return () => new HegselmannKrauseRun(data, _confidence);
    }
}

/// <summary>
/// Deffuant–Weisbuch (2000) bounded confidence, pairwise: in each of n interactions per period a random node v meets a
/// random in-neighbour u; when |x_u − x_v| &lt; ε both move towards each other, x_v += μ(x_u − x_v), x_u += μ(x_v − x_u).
/// The sum of opinions is conserved. A run has converged when every arc joins opinions closer than the request's
/// tolerance or at least ε apart.
/// </summary>
/// <remarks>
/// Reference: Deffuant, G., Neau, D., Amblard, F. and Weisbuch, G. (2000). Mixing beliefs among interacting agents.
/// Advances in Complex Systems 3, 87–98.
/// </remarks>
public sealed record DeffuantWeisbuchModel : OpinionModel
{
    /// <summary>Creates the model with its default parameters (set others with the init properties).</summary>
    public DeffuantWeisbuchModel()
        : base("deffuant", OpinionKind.Continuous, true)
    {
    }

    private readonly double _confidence = 0.2;
    private readonly double _convergence = 0.5;

    /// <summary>The confidence bound ε ∈ (0, 1]: two nodes interact when their opinions differ by less than ε. Default 0.2.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1].</exception>
    public double Confidence
    {
        get => _confidence;
        init => _confidence = Guard.InRangeExclusiveMin(value, 0, 1, nameof(Confidence));
    }

    /// <summary>The convergence parameter μ ∈ (0, 0.5]: the share of the difference each side moves. Default 0.5 (they meet in the middle).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 0.5].</exception>
    public double Convergence
    {
        get => _convergence;
        init => _convergence = Guard.InRangeExclusiveMin(value, 0, 0.5, nameof(Convergence));
    }

    internal override Func<OpinionRun> Prepare(OpinionRequest request)
    {
        var data = new ContinuousData(request);
        return () => new DeffuantRun(data, _confidence, _convergence);
    }
}

/// <summary>
/// The voter model with node update (Clifford and Sudbury 1973; Holley and Liggett 1975): in each of n updates per period
/// a random node copies the opinion of a uniformly random in-neighbour. On a connected undirected graph opinion 1 takes
/// over with probability Σ_{v holds 1} d_v / Σ_v d_v (the degree-weighted initial share). Arc weights are ignored.
/// </summary>
public sealed record VoterModel : OpinionModel
{
    /// <summary>Creates the model with its default parameters (set others with the init properties).</summary>
    public VoterModel()
        : base("voter", OpinionKind.Binary, true)
    {
    }

    internal override Func<OpinionRun> Prepare(OpinionRequest request)
    {
        var data = new BinaryData(request);
        return () => new VoterRun(data);
    }
}

/// <summary>
/// Majority rule (Galam 2002; Krapivsky and Redner 2003) on a graph: in each of n updates per period a random node v and
/// r − 1 distinct random in-neighbours (all of them when v has fewer) form a group that adopts its majority opinion; a
/// tie (an even group) changes nothing. On a complete graph it is Galam's model with groups of r.
/// </summary>
public sealed record MajorityRuleModel : OpinionModel
{
    /// <summary>Creates the model with its default parameters (set others with the init properties).</summary>
    public MajorityRuleModel()
        : base("majority", OpinionKind.Binary, true)
    {
    }

    private readonly int _groupSize = 3;

    /// <summary>The group size r: odd, in [3, 101]. Default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is even or outside [3, 101].</exception>
    public int GroupSize
    {
        get => _groupSize;
        init => _groupSize = Guard.InRange(value, 3, 101, nameof(GroupSize)) % 2 == 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(GroupSize), value, $"{nameof(GroupSize)} must be odd and in [3, 101]; it was {value}.");
    }

    internal override Func<OpinionRun> Prepare(OpinionRequest request)
    {
        var data = new BinaryData(request);
        return () => new MajorityRun(data, _groupSize);
    }
}

/// <summary>
/// Word of mouth (<see cref="SirWordOfMouth"/>, <see cref="SisWordOfMouth"/>): in each period every telling node tells
/// each susceptible out-neighbour with probability β (<see cref="Transmission"/>, or the arc's own probability with
/// <see cref="PerArcTransmission"/>), then stops with probability γ (<see cref="Recovery"/>). Arc weights are ignored
/// unless <see cref="PerArcTransmission"/> is set.
/// </summary>
public abstract record WordOfMouthModel : OpinionModel
{
    private readonly double _transmission = 0.1;
    private readonly double _recovery = 0.5;

    private protected WordOfMouthModel(string name)
        : base(name, OpinionKind.WordOfMouth, isStochastic: true)
    {
    }

    /// <summary>β ∈ [0, 1]: the probability per period that a telling node tells a given susceptible out-neighbour. Default 0.1. Ignored with <see cref="PerArcTransmission"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double Transmission
    {
        get => _transmission;
        init => _transmission = Guard.Probability(value, nameof(Transmission));
    }

    /// <summary>γ ∈ (0, 1]: the probability per period that a telling node stops telling (SIR: for good; SIS: it lapses to susceptible). Default 0.5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1].</exception>
    public double Recovery
    {
        get => _recovery;
        init => _recovery = Guard.InRangeExclusiveMin(value, 0, 1, nameof(Recovery));
    }

    /// <summary>
    /// Whether arc u → v tells with its own probability p(u,v) — the arc weight, as for
    /// <see cref="Diffusion.IndependentCascade"/> (set it with
    /// <see cref="Networks.SocialGraph.WithEdgeProbabilities(Networks.EdgeProbabilities)"/>, e.g. the weighted cascade
    /// 1/indeg(v)) — in each period instead of the uniform <see cref="Transmission"/>. Default false. With
    /// <see cref="Recovery"/> = 1, SIR on a graph is then exactly the independent cascade on that graph. A graph whose
    /// weights are not probabilities in [0, 1] is refused when the model is simulated (an
    /// <see cref="ArgumentException"/> with ParamName "graph").
    /// </summary>
    public bool PerArcTransmission { get; init; }

    /// <summary>Whether a node that stops telling becomes susceptible again (SIS) rather than stopping for good (SIR).</summary>
    private protected abstract bool Lapses { get; }

    internal override Func<OpinionRun> Prepare(OpinionRequest request)
    {
        var data = new WordOfMouthData(request, _transmission, _recovery, PerArcTransmission);
        return () => new WordOfMouthRun(data, Lapses);
    }
}

/// <summary>
/// SIR word of mouth: customers who tell others, then stop. In each period every telling node tells each susceptible
/// out-neighbour with probability β, then stops telling for good with probability γ. A node's final value is 1 when it
/// was ever told. With T = β/(β + γ − βγ) the chance a tie transmits, on a large Erdős–Rényi graph of mean degree c the
/// final size z solves z = 1 − exp(−R₀z), R₀ = c·T (Newman 2002; Kenah and Robins 2007). With γ = 1 it is the
/// independent cascade with uniform probability β.
/// </summary>
/// <remarks>Reference: Kermack, W. O. and McKendrick, A. G. (1927); Newman, M. E. J. (2002). Spread of epidemic disease on networks. PRE 66, 016128.</remarks>
public sealed record SirWordOfMouth : WordOfMouthModel
{
    /// <summary>Creates the model with its default parameters (set others with the init properties).</summary>
    public SirWordOfMouth()
        : base("sir")
    {
    }

    private protected override bool Lapses => false;
}

/// <summary>
/// SIS word of mouth: customers who tell others, then lapse and can be won again. In each period every telling node
/// tells each susceptible out-neighbour with probability β, then lapses to susceptible with probability γ. A node's
/// final value is 1 when it is telling at the end. In the mean-field limit the endemic share of telling nodes approaches
/// 1 − 1/R₀, R₀ = β·⟨k⟩/γ.
/// </summary>
/// <remarks>Reference: Pastor-Satorras, R., Castellano, C., Van Mieghem, P. and Vespignani, A. (2015). Epidemic processes in complex networks. Rev. Mod. Phys. 87, 925.</remarks>
public sealed record SisWordOfMouth : WordOfMouthModel
{
    /// <summary>Creates the model with its default parameters (set others with the init properties).</summary>
    public SisWordOfMouth()
        : base("sis")
    {
    }

    private protected override bool Lapses => true;
}
