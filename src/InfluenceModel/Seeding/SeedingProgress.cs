namespace InfluenceModel.Seeding;

/// <summary>A progress report of <see cref="InfluenceMaximizer.Select"/>.</summary>
/// <param name="Phase">What the algorithm is doing: "sampling", "selecting" or "evaluating".</param>
/// <param name="RrSetCount">Reverse-reachable sets generated so far (0 for algorithms that use none yet).</param>
/// <param name="SeedsSelected">Seeds chosen so far in the current selection.</param>
public readonly record struct SeedingProgress(string Phase, long RrSetCount, int SeedsSelected);
