namespace InfluenceModel.Seeding;

/// <summary>The seed-selection algorithm of a <see cref="SeedingRequest"/>.</summary>
public enum SeedingAlgorithm
{
    /// <summary>
    /// OPIM-C (Tang, Tang, Xiao, Yuan, SIGMOD 2018): RR sets in two independent collections, doubled until the certified
    /// instance ratio reaches 1 − 1/e − ε with probability 1 − δ. The default.
    /// </summary>
    Opimc,

    /// <summary>
    /// IMM (Tang, Shi, Xiao, SIGMOD 2015) with Chen's 2018 correction (the final selection uses fresh RR sets):
    /// (1 − 1/e − ε)-approximation with probability 1 − δ.
    /// </summary>
    Imm,

    /// <summary>
    /// CELF lazy greedy on Monte-Carlo spread with common random numbers (Leskovec et al. 2007): 1 − 1/e up to
    /// Monte-Carlo error for IC and LT; the only algorithm for the Kelman model, where it carries no guarantee. Costs one
    /// Monte-Carlo estimate per candidate, then a few per pick: a baseline for small graphs.
    /// </summary>
    CelfGreedy,

    /// <summary>The k nodes of largest out-degree. No guarantee.</summary>
    MaxDegree,

    /// <summary>Degree discount (Chen, Wang, Yang, KDD 2009). No guarantee.</summary>
    DegreeDiscount,

    /// <summary>PageRank on the reversed, probability-weighted graph (damping 0.85). No guarantee.</summary>
    PageRank,
}
