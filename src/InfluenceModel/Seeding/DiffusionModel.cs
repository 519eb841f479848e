namespace InfluenceModel.Seeding;

/// <summary>The diffusion model whose expected spread a seed set maximizes (Kempe, Kleinberg, Tardos 2003).</summary>
public enum DiffusionModel
{
    /// <summary>
    /// Independent cascade: each newly active u gets one chance to activate each out-neighbour v with probability
    /// p(u, v), the arc's weight.
    /// </summary>
    IndependentCascade,

    /// <summary>
    /// Linear threshold: v activates when the weights of its active in-neighbours sum to at least a uniform threshold
    /// θ_v ~ U[0, 1]; the in-weights of every node must sum to at most 1.
    /// </summary>
    LinearThreshold,
}
