using InfluenceModel.Channels;
using InfluenceModel.MediaMix;

namespace InfluenceModel.Tests.MediaMix;

/// <summary>A channel's true data-generating process, in data units, built from the library's Channels types.</summary>
internal sealed record TrueChannel(string Name, double MaxSpend, IAdstock Adstock, IResponseCurve Curve, double OnProbability = 0.8);

/// <summary>
/// Synthetic media-mix data from known parameters: y_t = intercept + trend·t/(T−1) + seasonal + Σ_c f_c(adstock_c(x_c))_t
/// + Σ_j γ_j z_jt + ε_t, ε ~ Normal(0, σ). Uses the library's own adstock and curve classes (not the density's
/// kernels), so recovery tests check the model against an independent implementation.
/// </summary>
internal static class MediaMixSimulation
{
    public static readonly DateOnly Start = new(2022, 1, 3);

    public static MediaMixData Generate(
        int weeks,
        IReadOnlyList<TrueChannel> channels,
        double intercept,
        double sigma,
        int seed,
        double seasonalAmplitude = 0,
        double trend = 0,
        IReadOnlyList<double>? controlEffects = null,
        Func<double, double, double>? noise = null)
    {
        var random = new Random(seed);
        var dates = Enumerable.Range(0, weeks).Select(t => Start.AddDays(7 * t)).ToArray();
        var y = new double[weeks];
        for (int t = 0; t < weeks; t++)
        {
            y[t] = intercept + (trend * t / (weeks - 1)) + (seasonalAmplitude * Math.Sin(2 * Math.PI * t / (365.25 / 7)));
        }

        var spend = new List<KeyValuePair<string, IReadOnlyList<double>>>();
        foreach (TrueChannel channel in channels)
        {
            var x = new double[weeks];
            for (int t = 0; t < weeks; t++)
            {
                x[t] = random.NextDouble() < channel.OnProbability ? channel.MaxSpend * (0.1 + (0.9 * random.NextDouble())) : 0;
            }

            x[0] = channel.MaxSpend;
            double[] a = channel.Adstock.Apply(x);
            for (int t = 0; t < weeks; t++)
            {
                y[t] += channel.Curve.Value(a[t]);
            }

            spend.Add(new(channel.Name, x));
        }

        var controls = new List<KeyValuePair<string, IReadOnlyList<double>>>();
        for (int j = 0; j < (controlEffects?.Count ?? 0); j++)
        {
            var z = new double[weeks];
            for (int t = 0; t < weeks; t++)
            {
                z[t] = t == 1 || random.NextDouble() < 0.15 ? 1 : 0;
                y[t] += controlEffects![j] * z[t];
            }

            controls.Add(new($"event{j}", z));
        }

        for (int t = 0; t < weeks; t++)
        {
            y[t] += noise?.Invoke(sigma, random.NextDouble()) ?? (sigma * Gaussian(random));
        }

        return MediaMixData.FromColumns(dates, y, spend, controls);
    }

    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Two channels: TV (slow carry-over, saturates late) and search (no carry-over, saturates early).</summary>
    public static TrueChannel[] TwoChannels() =>
    [
        new("tv", 1000, new GeometricAdstock(0.6, 8, normalize: true), new LogisticCurve(400, 3.0 / 1000)),
        new("search", 500, new GeometricAdstock(0.2, 8, normalize: true), new LogisticCurve(250, 6.0 / 500)),
    ];
}
