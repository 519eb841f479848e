namespace InfluenceModel.Networks;

/// <summary>One directed arc <see cref="Source"/> → <see cref="Target"/> between dense node indices, with a weight.</summary>
/// <param name="Source">The dense index of the tail node, in [0, node count).</param>
/// <param name="Target">The dense index of the head node, in [0, node count).</param>
/// <param name="Weight">
/// The arc weight: a propagation probability p(u,v) ∈ [0,1] for the independent cascade, an influence weight w(u,v) for
/// the linear threshold model, or a raw tie strength that <see cref="EdgeProbabilities"/> turns into either. Finite and
/// ≥ 0. Default 1.
/// </param>
public readonly record struct Edge(int Source, int Target, float Weight = 1f);
