namespace InfluenceModel.Diffusion;

/// <summary>A value attached to one node, which is named by its input-file id.</summary>
/// <param name="NodeId">The node's id in the input file (see <see cref="Networks.SocialGraph.NodeId(int)"/>).</param>
/// <param name="Value">The value (a probability, an attitude, …; its unit is given where the list is returned).</param>
public readonly record struct NodeValue(string NodeId, double Value);

/// <summary>Adopters at the end of a period of the Kelman model, by the mechanism through which they adopted.</summary>
/// <param name="Seeded">Seed nodes currently adopting because they were seeded.</param>
/// <param name="Compliance">Public adopters whose plain (γ = 1) adopting in-neighbour weight reached their threshold.</param>
/// <param name="Identification">
/// Public adopters who reached their threshold only thanks to identification (the group weighting γ): their
/// identification-weighted share is ≥ θ_v but the plain share is below it.
/// </param>
/// <param name="Internalization">Adopters whose private attitude reached τ: permanent.</param>
public sealed record AdoptionMechanisms(int Seeded, int Compliance, int Identification, int Internalization);

/// <summary>One period of a simulated cascade.</summary>
/// <param name="Period">The period: 0 is the seeding, 1 the first round of influence, …</param>
/// <param name="Adopters">Adopters (active nodes) at the end of the period, seeds included.</param>
/// <param name="NewAdopters">Nodes that adopted in this period.</param>
/// <param name="DroppedOut">Nodes that stopped adopting in this period (only reversible compliance in the Kelman model).</param>
/// <param name="Mechanisms">For the Kelman model, the adopters by mechanism; null for IC and LT.</param>
public sealed record DiffusionPeriod(int Period, int Adopters, int NewAdopters, int DroppedOut, AdoptionMechanisms? Mechanisms);

/// <summary>The history of one simulated cascade.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Periods">The periods in order, starting with period 0 (the seeds).</param>
/// <param name="Adopters">The final adopters, by input-file id, in dense-index order.</param>
/// <param name="Attitudes">
/// For the Kelman model, every node's final private attitude x_v ∈ [0, 1] (dense-index order); null for IC and LT.
/// </param>
public sealed record DiffusionTrace(string Model, IReadOnlyList<DiffusionPeriod> Periods, IReadOnlyList<string> Adopters, IReadOnlyList<NodeValue>? Attitudes)
{
    /// <summary>The number of final adopters.</summary>
    public int FinalAdopters => Adopters.Count;
}
