namespace InfluenceModel.Opinions;

/// <summary>
/// The result of <see cref="OpinionSimulator.Simulate"/>: final opinions, the per-period trajectory, convergence and,
/// for stochastic models, Monte-Carlo estimates over the simulations. For a deterministic model every figure is exact
/// (one run; standard errors 0).
/// </summary>
/// <remarks>
/// Memory does not grow with the graph beyond <see cref="FinalOpinions"/> (n values): the trajectory holds one summary
/// per period. Plain data; serializes with System.Text.Json.
/// </remarks>
public sealed record OpinionOutcome
{
    /// <summary>The model's name (<see cref="OpinionModel.Name"/>).</summary>
    public required string Model { get; init; }

    /// <summary>What a node's state is; says how to read <see cref="OpinionPeriod.Shares"/>.</summary>
    public required OpinionKind Kind { get; init; }

    /// <summary>The number of runs averaged: <see cref="SimulationOptions.Simulations"/> for a stochastic model, 1 for a deterministic one.</summary>
    public required int Simulations { get; init; }

    /// <summary>
    /// What each entry of <see cref="OpinionPeriod.Shares"/> counts: the bins "[0, 0.1)", …, "[0.9, 1]" of a continuous
    /// model, "0" and "1" of a binary one, "susceptible", "telling", "stopped" (SIR) or "susceptible", "telling" (SIS).
    /// </summary>
    public required IReadOnlyList<string> ShareLabels { get; init; }

    /// <summary>
    /// One summary per period from period 0 (the initial state) to the longest run's last period, averaged over the
    /// simulations; a run that stopped earlier counts with its final state.
    /// </summary>
    public required IReadOnlyList<OpinionPeriod> Trajectory { get; init; }

    /// <summary>
    /// Each node's final value in dense-index order (<c>Graph.NodeId(i)</c> gives the id), averaged over the simulations:
    /// the opinion (continuous), the probability of holding opinion 1 (binary), of having been told (SIR) or of telling
    /// at the end (SIS). Averages of stochastic runs are summed in fixed point (resolution 2⁻³²) so they do not depend on
    /// the parallelism.
    /// </summary>
    public required IReadOnlyList<double> FinalOpinions { get; init; }

    /// <summary>
    /// The mean over nodes of the final value, over the runs: the mean opinion, the share holding 1, the SIR final size
    /// (share ever told) or the SIS share telling at the end.
    /// </summary>
    public required Estimate FinalMean { get; init; }

    /// <summary>The number of periods a run lasted (until convergence, absorption or <see cref="OpinionRequest.MaxPeriods"/>).</summary>
    public required Estimate Periods { get; init; }

    /// <summary>
    /// The share of runs that converged (continuous models, within <see cref="OpinionRequest.Tolerance"/>) or were
    /// absorbed (consensus of a binary model; nobody telling in a word-of-mouth model) before <see cref="OpinionRequest.MaxPeriods"/>.
    /// </summary>
    public required Estimate Converged { get; init; }

    /// <summary>
    /// Continuous models: the number of opinion clusters at the end — maximal groups of sorted final opinions whose
    /// neighbours differ by at most 10⁻³ — over the runs. Null for the other kinds.
    /// </summary>
    public Estimate? Clusters { get; init; }

    /// <summary>Binary models: the probability that opinion 1 took over every node (fixation), over the runs. Null for the other kinds.</summary>
    public Estimate? FixationProbability { get; init; }
}

/// <summary>One period of an <see cref="OpinionOutcome.Trajectory"/>, averaged over the simulations.</summary>
public sealed record OpinionPeriod
{
    /// <summary>The period, 0 for the initial state.</summary>
    public required int Period { get; init; }

    /// <summary>The mean over nodes of their value (opinion; 1 for opinion 1; 1 for told (SIR) or telling (SIS)).</summary>
    public required double Mean { get; init; }

    /// <summary>The smallest node value (averaged over the runs).</summary>
    public required double Minimum { get; init; }

    /// <summary>The largest node value (averaged over the runs).</summary>
    public required double Maximum { get; init; }

    /// <summary>The share of nodes in each state or bin of <see cref="OpinionOutcome.ShareLabels"/>; they sum to 1.</summary>
    public required IReadOnlyList<double> Shares { get; init; }
}
