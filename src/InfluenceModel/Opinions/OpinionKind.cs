namespace InfluenceModel.Opinions;

/// <summary>What a node's state is in an <see cref="OpinionModel"/>, and so what <see cref="OpinionPeriod.Shares"/> count.</summary>
public enum OpinionKind
{
    /// <summary>A continuous opinion in [0, 1] (DeGroot, Friedkin–Johnsen, Hegselmann–Krause, Deffuant–Weisbuch); shares are the histogram bins of <see cref="OpinionRequest.Bins"/>.</summary>
    Continuous,

    /// <summary>A binary opinion, 0 or 1 (voter, majority rule); shares are of opinion 0 and opinion 1.</summary>
    Binary,

    /// <summary>A word-of-mouth compartment (SIR: susceptible, telling, stopped; SIS: susceptible, telling); a node's value is 1 when told (SIR) or telling (SIS).</summary>
    WordOfMouth,
}
