using BenchmarkDotNet.Attributes;
using InfluenceModel.Channels;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// The speed targets: allocate 1,000 concave channels ≤ 5 ms; exact selection of up to 10 of 40 channels
/// ≤ 1 s; 10 S-shaped channels allocated exactly ≤ 50 ms.
/// </summary>
[MemoryDiagnoser]
public class ChannelsBenchmarks
{
    private Channel[] _concave = [];
    private Channel[] _sShaped = [];
    private Channel[] _channels = [];
    private SelectionRequest _reach = null!;
    private SelectionRequest _response = null!;
    private Channel[] _saturated = [];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _concave = new Channel[1000];
        for (int i = 0; i < _concave.Length; i++)
        {
            double beta = 10 + (90 * rng.NextDouble()), scale = 100 + (900 * rng.NextDouble());
            IResponseCurve curve = (i % 3) switch
            {
                0 => new MichaelisMentenCurve(beta, scale),
                1 => new LogisticCurve(beta, 2 / scale),
                _ => new HillCurve(beta, scale, 1),
            };
            _concave[i] = new Channel($"k{i}", [], 0, curve);
        }

        _sShaped = new Channel[10];
        for (int i = 0; i < _sShaped.Length; i++)
        {
            _sShaped[i] = new Channel($"h{i}", [], 0, new HillCurve(50 + (100 * rng.NextDouble()), 50 + (200 * rng.NextDouble()), 1.5 + (1.5 * rng.NextDouble())));
        }

        _channels = new Channel[40];
        for (int c = 0; c < _channels.Length; c++)
        {
            var audience = new double[12];
            for (int g = 0; g < audience.Length; g++)
            {
                audience[g] = rng.NextDouble() < 0.5 ? 0 : 0.3 * rng.NextDouble();
            }

            _channels[c] = new Channel($"c{c}", audience, 10 + (90 * rng.NextDouble()), new MichaelisMentenCurve(20 + (80 * rng.NextDouble()), 20 + (200 * rng.NextDouble())));
        }

        // A near-saturated audience: shares up to 0.8, so 10 channels reach ~99% of everyone and thousands of sets are
        // within 1% of each other — the hard case for the proof of optimality.
        _saturated = new Channel[40];
        for (int c = 0; c < _saturated.Length; c++)
        {
            var audience = new double[12];
            for (int g = 0; g < audience.Length; g++)
            {
                audience[g] = rng.NextDouble() < 0.4 ? 0 : 0.8 * rng.NextDouble();
            }

            _saturated[c] = new Channel($"s{c}", audience, 10 + (90 * rng.NextDouble()), new MichaelisMentenCurve(50, 100));
        }

        var segments = new AudienceOverlap([.. Enumerable.Range(0, 12).Select(g => 1000.0 + (100 * g))]);
        _reach = new SelectionRequest { Channels = _channels, Budget = 500, MaxChannels = 10, Segments = segments };
        _response = _reach with { Objective = SelectionObjective.Response };
    }

    [Benchmark(Description = "Allocate 1,000 concave channels")]
    public double AllocateConcave1000() => BudgetAllocator.Allocate(new AllocationRequest { Channels = _concave, Budget = 200_000 }).TotalResponse;

    [Benchmark(Description = "Allocate 10 S-shaped Hill channels (global optimum)")]
    public double AllocateSShaped10() => BudgetAllocator.Allocate(new AllocationRequest { Channels = _sShaped, Budget = 600 }).TotalResponse;

    [Benchmark(Description = "Exact selection, reach, up to 10 of 40")]
    public double SelectReach10Of40() => ChannelSelector.Select(_reach).ExpectedReach;

    [Benchmark(Description = "Exact selection, reach, up to 10 of 40, near-saturated")]
    public double SelectReach10Of40Saturated() => ChannelSelector.Select(_reach with { Channels = _saturated }).ExpectedReach;

    [Benchmark(Description = "Exact selection, response, up to 10 of 40")]
    public double SelectResponse10Of40() => ChannelSelector.Select(_response).ExpectedResponse;
}
