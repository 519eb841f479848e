using FsCheck;
using FsCheck.Xunit;
using InfluenceModel.Budgeting;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace InfluenceModel.Tests.Budgeting;

public class OpportunityProcessTests
{
    [Theory]
    [InlineData(1.5, 0.5, 1.2)]
    [InlineData(1.0, 1.0, 3.0)]
    [InlineData(2.0, 0.2, 0.5)]
    public void ExpectedExcessMultiple_MatchesNumericalIntegral(double median, double sigma, double strike)
    {
        // E[(V − k)⁺] = ∫_k^∞ (v − k)·f(v) dv for the log-normal density f, integrated numerically by MathNet.
        var process = new OpportunityProcess { ValueMultipleMedian = median, ValueMultipleSigma = sigma };
        var distribution = new LogNormal(Math.Log(median), sigma);
        double upper = distribution.InverseCumulativeDistribution(1 - 1e-13);
        double integral = Integrate.OnClosedInterval(v => (v - strike) * distribution.Density(v), strike, upper, 1e-10);
        Assert.Equal(integral, process.ExpectedExcessMultiple(strike, process.MeanValueMultiple), 8);
        Assert.Equal(distribution.Mean, process.MeanValueMultiple, 12);
    }

    [Property]
    public bool ExpectedExcessMultiple_IsDecreasingConvexAndAboveIntrinsic(PositiveInt a, PositiveInt b)
    {
        // A call price in its strike: non-increasing, ≥ (E[V] − k)⁺, and ≤ E[V].
        var process = new OpportunityProcess { ValueMultipleMedian = 1.3, ValueMultipleSigma = 0.7 };
        double mean = process.MeanValueMultiple;
        double k1 = Math.Min(a.Get, b.Get) / 50.0, k2 = Math.Max(a.Get, b.Get) / 50.0;
        double c1 = process.ExpectedExcessMultiple(k1, mean), c2 = process.ExpectedExcessMultiple(k2, mean);
        return c1 >= c2 - 1e-12 && c1 >= Math.Max(mean - k1, 0) - 1e-12 && c1 <= mean + 1e-12;
    }

    [Fact]
    public void DeterministicValue_ExcessIsIntrinsic()
    {
        var process = new OpportunityProcess { ValueMultipleMedian = 1.5, ValueMultipleSigma = 0 };
        Assert.Equal(0.3, process.ExpectedExcessMultiple(1.2, process.MeanValueMultiple), 12);
        Assert.Equal(0, process.ExpectedExcessMultiple(2, process.MeanValueMultiple));
        Assert.Equal(1.5, process.MeanValueMultiple);
    }
}
