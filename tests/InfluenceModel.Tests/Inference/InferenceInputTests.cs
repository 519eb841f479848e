using System.Diagnostics;
using InfluenceModel.Inference;
using MathNet.Numerics.LinearAlgebra;

namespace InfluenceModel.Tests.Inference;

public class InferenceInputTests
{
    private static readonly NutsOptions Quick = new() { Chains = 2, Warmup = 50, Draws = 20 };

    [Fact]
    public void Sample_NullDensity_Throws() =>
        Assert.Equal("density", Assert.Throws<ArgumentNullException>(() => NutsSampler.Sample(null!)).ParamName);

    [Fact]
    public void Sample_DimensionZero_Throws() =>
        Assert.Equal("density.Dimension", Assert.Throws<ArgumentOutOfRangeException>(() => NutsSampler.Sample(new ConstantDensity(0, 0))).ParamName);

    [Theory]
    [InlineData(nameof(NutsOptions.Chains), 0)]
    [InlineData(nameof(NutsOptions.Chains), 1025)]
    [InlineData(nameof(NutsOptions.Warmup), -1)]
    [InlineData(nameof(NutsOptions.Warmup), 1_000_001)]
    [InlineData(nameof(NutsOptions.Draws), 3)]
    [InlineData(nameof(NutsOptions.Draws), 1_000_001)]
    [InlineData(nameof(NutsOptions.MaxTreeDepth), 0)]
    [InlineData(nameof(NutsOptions.MaxTreeDepth), 21)]
    [InlineData(nameof(NutsOptions.MaxDegreeOfParallelism), 0)]
    [InlineData(nameof(NutsOptions.MaxDegreeOfParallelism), -2)]
    public void Options_IntegerOutOfRange_ThrowsNamingTheProperty(string property, int value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => property switch
        {
            nameof(NutsOptions.Chains) => new NutsOptions { Chains = value },
            nameof(NutsOptions.Warmup) => new NutsOptions { Warmup = value },
            nameof(NutsOptions.Draws) => new NutsOptions { Draws = value },
            nameof(NutsOptions.MaxTreeDepth) => new NutsOptions { MaxTreeDepth = value },
            _ => new NutsOptions { MaxDegreeOfParallelism = value },
        });
        Assert.Equal(property, e.ParamName);
        Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [Theory]
    [InlineData(nameof(NutsOptions.TargetAcceptance), 0.0)]
    [InlineData(nameof(NutsOptions.TargetAcceptance), 1.0)]
    [InlineData(nameof(NutsOptions.TargetAcceptance), double.NaN)]
    [InlineData(nameof(NutsOptions.InitialRadius), -0.1)]
    [InlineData(nameof(NutsOptions.InitialRadius), double.PositiveInfinity)]
    [InlineData(nameof(NutsOptions.InitialPoint), double.NaN)]
    public void Options_RealOutOfRange_ThrowsNamingTheProperty(string property, double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => property switch
        {
            nameof(NutsOptions.TargetAcceptance) => new NutsOptions { TargetAcceptance = value },
            nameof(NutsOptions.InitialRadius) => new NutsOptions { InitialRadius = value },
            _ => new NutsOptions { InitialPoint = [0, value] },
        });
        Assert.Equal(property, e.ParamName);
    }

    [Fact]
    public void Options_EmptyParameterName_Throws() =>
        Assert.Equal(nameof(NutsOptions.ParameterNames), Assert.Throws<ArgumentException>(() => new NutsOptions { ParameterNames = ["a", " "] }).ParamName);

    [Fact]
    public void Options_ListsAreCopied()
    {
        double[] point = [1, 2];
        var options = new NutsOptions { InitialPoint = point };
        point[0] = 99;
        Assert.Equal(1, options.InitialPoint![0]);
    }

    [Fact]
    public void Sample_InitialPointOrNamesOfWrongLength_Throws()
    {
        var density = new ConstantDensity(3, 0);
        Assert.Equal(nameof(NutsOptions.InitialPoint), Assert.Throws<ArgumentException>(() => NutsSampler.Sample(density, Quick with { InitialPoint = [0, 0] })).ParamName);
        Assert.Equal(nameof(NutsOptions.ParameterNames), Assert.Throws<ArgumentException>(() => NutsSampler.Sample(density, Quick with { ParameterNames = ["a"] })).ParamName);
    }

    [Fact]
    public void Sample_InitialPointOutsideSupport_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => NutsSampler.Sample(new ConstantDensity(2, double.NegativeInfinity), Quick with { InitialPoint = [0, 0] }));
        Assert.Equal(nameof(NutsOptions.InitialPoint), e.ParamName);
    }

    [Theory]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void Sample_DensityNotFiniteAnywhere_ThrowsClearError(double value)
    {
        var e = Assert.Throws<InvalidOperationException>(() => NutsSampler.Sample(new ConstantDensity(2, value), Quick));
        Assert.Contains("100 random initial points", e.Message);
    }

    [Fact]
    public void Sample_NaNGradientEverywhere_ThrowsClearError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => NutsSampler.Sample(new ConstantDensity(2, 0, double.NaN), Quick));
        Assert.Contains("initial points", e.Message);
    }

    [Fact]
    public void Sample_FlatDensity_ReportsImproperPosterior()
    {
        var e = Assert.Throws<InvalidOperationException>(() => NutsSampler.Sample(new ConstantDensity(2, 0), Quick));
        Assert.Contains("improper", e.Message);
    }

    [Fact]
    public void Sample_CancelledBeforeStart_Throws() =>
        Assert.ThrowsAny<OperationCanceledException>(() =>
            NutsSampler.Sample(GaussianDensity.Ar([0], [1], 0), Quick, cancellationToken: new CancellationToken(true)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Sample_CancelledWhileSampling_StopsWithin100Milliseconds(int parallelism)
    {
        using var cts = new CancellationTokenSource();
        var density = new SlowDensity(cts);
        var watch = new Stopwatch();
        density.Watch = watch;
        Assert.ThrowsAny<OperationCanceledException>(() => NutsSampler.Sample(
            density, new NutsOptions { Warmup = 100_000, Draws = 100_000, MaxDegreeOfParallelism = parallelism }, cancellationToken: cts.Token));
        watch.Stop();
        // 100 ms is the contract; allow scheduling noise on a loaded CI machine.
        Assert.True(watch.ElapsedMilliseconds < 300, $"stopped {watch.ElapsedMilliseconds} ms after cancellation");
    }

    [Fact]
    public void PosteriorSample_BadInput_Throws()
    {
        var diagnostics = new SamplerDiagnostics { Divergences = 0, MaxTreeDepthHits = 0, Ebfmi = [1], StepSize = [1], MeanAcceptance = 0.8, GradientEvaluations = 1 };
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => new PosteriorSample(1, 4, ["a"], new double[3], diagnostics)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentOutOfRangeException>(() => new PosteriorSample(1, 4, ["a"], [1, 2, double.NaN, 4], diagnostics)).ParamName);
        Assert.Equal("draws", Assert.Throws<ArgumentOutOfRangeException>(() => new PosteriorSample(1, 3, ["a"], new double[3], diagnostics)).ParamName);
        Assert.Equal("parameterNames", Assert.Throws<ArgumentNullException>(() => new PosteriorSample(1, 4, null!, new double[4], diagnostics)).ParamName);
        var sample = new PosteriorSample(1, 4, ["a"], [1, 2, 3, 4], diagnostics);
        Assert.Equal("chain", Assert.Throws<ArgumentOutOfRangeException>(() => sample[1, 0, 0]).ParamName);
        Assert.Equal("draw", Assert.Throws<ArgumentOutOfRangeException>(() => sample.Draw(0, 4).ToArray()).ParamName);
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => sample.Values(1)).ParamName);
        Assert.Equal(3, sample[0, 2, 0]);
    }

    [Fact]
    public void GradientCheck_CorrectGradient_IsTiny_WrongGradient_IsFlagged()
    {
        var density = GaussianDensity.Ar([1, -1, 0.5], [1, 2, 0.5], 0.7);
        Assert.True(GradientCheck.MaxRelativeError(density, [0.3, 0.2, -1]) < 1e-6);
        Assert.True(GradientCheck.MaxRelativeError(new EightSchools(), [1, 0.5, 0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8]) < 1e-6);
        var wrong = new WrongGradient(density);
        Assert.True(GradientCheck.MaxRelativeError(wrong, [0.3, 0.2, -1]) > 1e-2);
    }

    [Fact]
    public void GradientCheck_BadInput_Throws()
    {
        var density = GaussianDensity.Ar([0, 0], [1, 1], 0);
        Assert.Equal("density", Assert.Throws<ArgumentNullException>(() => GradientCheck.MaxRelativeError(null!, [0, 0])).ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentException>(() => GradientCheck.MaxRelativeError(density, [0])).ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.MaxRelativeError(density, [0, double.NaN])).ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentException>(() => GradientCheck.MaxRelativeError(new ConstantDensity(2, double.NegativeInfinity), [0, 0])).ParamName);
    }

    [Fact]
    public void PosteriorMode_ConjugateRegression_EqualsClosedFormMode()
    {
        var density = new RegressionDensity(n: 50, p: 4, sigma: 1.5, priorSd: 3, seed: 7);
        MapResult map = PosteriorMode.Find(density);
        Assert.True(map.Converged);
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(density.PosteriorMean[j], map.Point[j], 1e-6);
        }

        var g = new double[4];
        Assert.Equal(density.Evaluate(map.Point, g), map.LogDensity, 12);
        Assert.True(map.Iterations > 0);
    }

    [Fact]
    public void PosteriorMode_CorrelatedGaussianFromFarAway_FindsMean()
    {
        double[] mean = [1, -2, 3, 0, 0.5];
        var density = GaussianDensity.Ar(mean, [1, 2, 0.5, 1, 3], 0.9);
        MapResult map = PosteriorMode.Find(density, [10, 10, 10, 10, 10]);
        for (int j = 0; j < mean.Length; j++)
        {
            Assert.Equal(mean[j], map.Point[j], 1e-6);
        }
    }

    [Fact]
    public void PosteriorMode_BadInput_Throws()
    {
        var density = GaussianDensity.Ar([0, 0], [1, 1], 0);
        Assert.Equal("density", Assert.Throws<ArgumentNullException>(() => PosteriorMode.Find(null!)).ParamName);
        Assert.Equal("initialPoint", Assert.Throws<ArgumentException>(() => PosteriorMode.Find(density, [0])).ParamName);
        Assert.Equal("initialPoint", Assert.Throws<ArgumentOutOfRangeException>(() => PosteriorMode.Find(density, [0, double.NaN])).ParamName);
        Assert.Equal("initialPoint", Assert.Throws<ArgumentException>(() => PosteriorMode.Find(new ConstantDensity(2, double.NegativeInfinity))).ParamName);
        Assert.ThrowsAny<OperationCanceledException>(() => PosteriorMode.Find(density, [3, 3], new CancellationToken(true)));
    }

    private sealed class ConstantDensity(int dimension, double value, double gradient = 0) : ILogDensity
    {
        public int Dimension => dimension;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> g)
        {
            g.Fill(gradient);
            return value;
        }
    }

    private sealed class WrongGradient(ILogDensity inner) : ILogDensity
    {
        public int Dimension => inner.Dimension;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            double value = inner.Evaluate(x, gradient);
            gradient[1] *= 1.1; // a deliberately wrong derivative
            return value;
        }
    }

    /// <summary>A standard normal that cancels its token after 50 evaluations and then sleeps 1 ms per evaluation.</summary>
    private sealed class SlowDensity(CancellationTokenSource cts) : ILogDensity
    {
        private int _calls;

        public Stopwatch? Watch { get; set; }

        public int Dimension => 2;

        public double Evaluate(ReadOnlySpan<double> x, Span<double> gradient)
        {
            if (Interlocked.Increment(ref _calls) == 50)
            {
                Watch!.Start();
                cts.Cancel();
            }

            Thread.Sleep(1);
            gradient[0] = -x[0];
            gradient[1] = -x[1];
            return -0.5 * ((x[0] * x[0]) + (x[1] * x[1]));
        }
    }
}
