using BenchmarkDotNet.Attributes;
using InfluenceModel.Community;

namespace InfluenceModel.Benchmarks;

/// <summary>The community ROI calculator: one curve, and the ±20% tornado table (32 more NPV evaluations).</summary>
[MemoryDiagnoser]
public class CommunityRoiBenchmarks
{
    private CommunityRoiInputs _inputs = CommunityRoiInputs.Default;
    private CommunityRoiCurve _curve = null!;

    /// <summary>Horizon in periods: the default three years of months, and the longest allowed horizon.</summary>
    [Params(36, 1200)]
    public int Horizon { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = CommunityRoiInputs.Default with { Horizon = Horizon };
        _curve = CommunityRoiCalculator.Compute(_inputs);
    }

    [Benchmark]
    public CommunityRoiCurve Compute() => CommunityRoiCalculator.Compute(_inputs);

    [Benchmark]
    public IReadOnlyList<CommunityRoiSensitivity> Sensitivity() => _curve.Sensitivity(0.2);
}
