using BenchmarkDotNet.Attributes;
using InfluenceModel.Channels;
using InfluenceModel.Inference;
using InfluenceModel.MediaMix;

namespace InfluenceModel.Benchmarks;

/// <summary>
/// Issue 12 speed targets: 179 weeks × 2 channels × 3 controls × 2 Fourier pairs, NUTS 4 chains × (1,000 + 1,000)
/// in ≤ 5 s on 2 cores and MAP in ≤ 100 ms; 156 weeks × 10 channels × 4 controls NUTS in ≤ 30 s. Plus the cost of
/// one density + gradient evaluation, which times the gradient-evaluation count of a run gives its sampler cost.
/// </summary>
[MemoryDiagnoser]
public class MediaMixBenchmarks
{
    private MediaMixModel _smallModel = null!;
    private MediaMixData _small = null!;
    private MediaMixModel _largeModel = null!;
    private MediaMixData _large = null!;
    private MediaMixDensity _density = null!;
    private double[] _point = null!;
    private double[] _gradient = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_small, _smallModel) = Make(179, 2, 3, seed: 1);
        (_large, _largeModel) = Make(156, 10, 4, seed: 2);
        _density = new MediaMixDensity(MediaMixProblem.Create(_smallModel, _small, _small.Periods));
        _point = MediaMixEngine.InitialPoint(_density.Problem);
        _gradient = new double[_point.Length];
    }

    private static (MediaMixData, MediaMixModel) Make(int weeks, int channels, int controls, int seed)
    {
        var random = new Random(seed);
        var dates = Enumerable.Range(0, weeks).Select(t => new DateOnly(2022, 1, 3).AddDays(7 * t)).ToArray();
        var y = Enumerable.Range(0, weeks).Select(t => 1000 + (80 * Math.Sin(2 * Math.PI * t / 52.1775)) + (20 * (random.NextDouble() - 0.5))).ToArray();
        var spend = new List<KeyValuePair<string, IReadOnlyList<double>>>();
        for (int c = 0; c < channels; c++)
        {
            var x = Enumerable.Range(0, weeks).Select(_ => random.NextDouble() < 0.8 ? 1000 * random.NextDouble() : 0).ToArray();
            double[] a = new GeometricAdstock(0.2 + (0.5 * random.NextDouble()), 8, normalize: true).Apply(x);
            var curve = new LogisticCurve(100 + (200 * random.NextDouble()), 0.003);
            for (int t = 0; t < weeks; t++)
            {
                y[t] += curve.Value(a[t]);
            }

            spend.Add(new($"channel{c}", x));
        }

        var control = new List<KeyValuePair<string, IReadOnlyList<double>>>();
        for (int j = 0; j < controls; j++)
        {
            var z = Enumerable.Range(0, weeks).Select(_ => random.NextDouble()).ToArray();
            for (int t = 0; t < weeks; t++)
            {
                y[t] += 30 * z[t];
            }

            control.Add(new($"control{j}", z));
        }

        var data = MediaMixData.FromColumns(dates, y, spend, control);
        var model = new MediaMixModel
        {
            Channels = [.. data.ChannelNames.Select(n => new MediaMixChannel { Name = n })],
            Controls = data.ControlNames,
            SeasonalityPairs = 2,
        };
        return (data, model);
    }

    [Benchmark(Description = "Density + gradient, 179 weeks x 2 channels x 3 controls")]
    public double Density() => _density.Evaluate(_point, _gradient);

    [Benchmark(Description = "MAP, 179 weeks x 2 channels x 3 controls x 2 Fourier pairs")]
    public MediaMixFit MapSmall() => _smallModel.Fit(_small, new MediaMixFitOptions { Method = FitMethod.Map });

    [Benchmark(Description = "NUTS 4 x (1000+1000), 179 weeks x 2 channels x 3 controls x 2 Fourier pairs")]
    public MediaMixFit NutsSmall() => _smallModel.Fit(_small, new MediaMixFitOptions { Nuts = new NutsOptions { Seed = 1 } });

    [Benchmark(Description = "NUTS 4 x (1000+1000), 156 weeks x 10 channels x 4 controls")]
    public MediaMixFit NutsLarge() => _largeModel.Fit(_large, new MediaMixFitOptions { Nuts = new NutsOptions { Seed = 1 } });
}
