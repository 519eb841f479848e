namespace InfluenceModel;

/// <summary>
/// A progress report of a long operation (spread estimation, seeding, campaign and budget simulation, reserve
/// optimisation, channel selection, fits, sampling). Every long operation takes an optional
/// <see cref="IProgress{T}"/> of this type and reports at most every few tens of milliseconds, and once at the end.
/// </summary>
/// <param name="Stage">What the operation is doing, in lower-case words ("simulating", "sampling", "warm-up", …).</param>
/// <param name="Completed">Units of work done in this stage (simulations, RR sets, draws, nodes, …); 0 to <paramref name="Total"/>.</param>
/// <param name="Total">Units of work in this stage, or 0 when unknown in advance.</param>
public readonly record struct ProgressReport(string Stage, long Completed, long Total)
{
    /// <summary>The completed fraction of the stage in [0, 1]; 0 when <see cref="Total"/> is unknown (0).</summary>
    public double Fraction => Total > 0 ? Math.Clamp((double)Completed / Total, 0, 1) : 0;
}
