using InfluenceModel.Internal;
using MathNet.Numerics.Distributions;

namespace InfluenceModel.Budgeting;

/// <summary>
/// The stream of short-term opportunities a year brings ("room in your budget for short-term activities"): arrivals are
/// Poisson per period with rate λ·s(t) (optional seasonality s), each opportunity has a log-normal cost and a
/// log-normal value multiple, and stays open for a decision window. Immutable and thread-safe; validated in the
/// property initialisers.
/// </summary>
/// <remarks>
/// <para>N(t) ~ Poisson(λ·s(t)); cost C = exp(μ_C + σ_C·Z₁) with μ_C = ln(<see cref="CostMedian"/>); value multiple
/// V = exp(μ_V + σ_V·Z₂) with μ_V = ln(<see cref="ValueMultipleMedian"/>); Z₁, Z₂ independent standard normal. An accepted
/// opportunity costs C (paid from the flexible money) and earns C·V KPI units.</para>
/// <para>An opportunity arriving in period t can be accepted on arrival or, if still open, at the start of periods
/// t+1 … t+w−1, where w is <see cref="DecisionWindow"/>.</para>
/// </remarks>
public sealed record OpportunityProcess
{
    /// <summary>Largest arrival rate λ (opportunities per period).</summary>
    internal const double MaxArrivalRate = 1000;

    /// <summary>
    /// Largest number of opportunities open at once on average, λ·max s(t)·w: 1,000. It bounds the work of a simulated
    /// year (every open opportunity is offered to the policy at each period start of its window) to what the largest
    /// arrival rate with a one-period window costs; λ = 1,000 with w = 52 took 77 s per simulated year.
    /// </summary>
    internal const double MaxOpenOpportunities = 1000;

    /// <summary>Largest log-normal σ of cost and value multiple.</summary>
    internal const double MaxSigma = 5;

    /// <summary>Longest decision window (periods).</summary>
    internal const int MaxDecisionWindow = 52;

    private readonly double _arrivalRate = 2;
    private readonly IReadOnlyList<double>? _seasonality;
    private readonly double _costMedian = 10_000;
    private readonly double _costSigma = 0.5;
    private readonly double _valueMultipleMedian = 1.5;
    private readonly double _valueMultipleSigma = 0.5;
    private readonly int _decisionWindow = 1;

    /// <summary>A process with no opportunities (arrival rate 0).</summary>
    public static OpportunityProcess None { get; } = new() { ArrivalRate = 0 };

    /// <summary>Mean arrivals λ per period (finite, 0 to 1,000; default 2). With the seasonality and the decision window,
    /// λ·max s(t)·<see cref="DecisionWindow"/> must also be at most 1,000 (the opportunities open at once).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, above 1,000, NaN or infinite, or λ·max s(t)·w above 1,000.</exception>
    public double ArrivalRate
    {
        get => _arrivalRate;
        init => _arrivalRate = CheckOpen(Guard.InRange(value, 0, MaxArrivalRate, nameof(ArrivalRate)), MaxSeasonality(_seasonality), _decisionWindow, nameof(ArrivalRate));
    }

    /// <summary>
    /// Optional seasonal multipliers s(t) ≥ 0 of the arrival rate, one per period of the plan (length checked against
    /// the plan when simulating); null (the default) means s(t) = 1. The 1,000 cap holds after the multiplication:
    /// λ·s(t)·<see cref="DecisionWindow"/> ≤ 1,000 for every t (seasonality 1e5 on λ = 1 made a year never finish).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A multiplier is negative, NaN or infinite, or λ·s(t)·w exceeds 1,000.</exception>
    public IReadOnlyList<double>? Seasonality
    {
        get => _seasonality;
        init
        {
            IReadOnlyList<double>? checkedValue = value is null ? null : Guard.AllNonNegative(value, nameof(Seasonality));
            CheckOpen(_arrivalRate, MaxSeasonality(checkedValue), _decisionWindow, nameof(Seasonality));
            _seasonality = ValueList<double>.From(checkedValue);
        }
    }

    /// <summary>Median cost e^{μ_C} of an opportunity in currency units (finite, &gt; 0; default 10,000).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a finite positive number.</exception>
    public double CostMedian
    {
        get => _costMedian;
        init => _costMedian = Guard.Scale(value, nameof(CostMedian));
    }

    /// <summary>Log-scale standard deviation σ_C of the cost (0 to 5; default 0.5; 0 makes the cost deterministic).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 5] or NaN.</exception>
    public double CostSigma
    {
        get => _costSigma;
        init => _costSigma = Guard.InRange(value, 0, MaxSigma, nameof(CostSigma));
    }

    /// <summary>Median value multiple e^{μ_V}: KPI units per currency unit spent on the opportunity (finite, &gt; 0; default 1.5).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a finite positive number.</exception>
    public double ValueMultipleMedian
    {
        get => _valueMultipleMedian;
        init => _valueMultipleMedian = Guard.InRange(value, NumericLimits.MinScale, NumericLimits.MaxRate, nameof(ValueMultipleMedian));
    }

    /// <summary>Log-scale standard deviation σ_V of the value multiple (0 to 5; default 0.5).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 5] or NaN.</exception>
    public double ValueMultipleSigma
    {
        get => _valueMultipleSigma;
        init => _valueMultipleSigma = Guard.InRange(value, 0, MaxSigma, nameof(ValueMultipleSigma));
    }

    /// <summary>Periods w an opportunity stays open, counting its arrival period (1 to 52; default 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to 52.</exception>
    public int DecisionWindow
    {
        get => _decisionWindow;
        init => _decisionWindow = (int)CheckOpen(_arrivalRate, MaxSeasonality(_seasonality), Guard.InRange(value, 1, MaxDecisionWindow, nameof(DecisionWindow)), nameof(DecisionWindow), value);
    }

    /// <summary>Mean cost E[C] = e^{μ_C + σ_C²/2} in currency units.</summary>
    public double MeanCost => LogNormalMean(CostMedian, CostSigma);

    /// <summary>Mean value multiple E[V] = e^{μ_V + σ_V²/2}.</summary>
    public double MeanValueMultiple => LogNormalMean(ValueMultipleMedian, ValueMultipleSigma);

    /// <summary>The arrival rate λ·s(t) of <paramref name="period"/>.</summary>
    internal double RateAt(int period) => Seasonality is null ? ArrivalRate : ArrivalRate * Seasonality[period];

    /// <summary>
    /// E[(V − k)⁺] for the log-normal value multiple (the Black–Scholes call with zero rate):
    /// e^{μ+σ²/2}·Φ(d₁) − k·Φ(d₂), d₁ = (μ + σ² − ln k)/σ, d₂ = d₁ − σ; E[V] − k for k ≤ 0.
    /// </summary>
    /// <param name="k">The strike k.</param>
    /// <param name="mean">E[V] (<see cref="MeanValueMultiple"/>), passed in so hot loops compute it once.</param>
    internal double ExpectedExcessMultiple(double k, double mean)
    {
        if (k <= 0)
        {
            return mean - k;
        }

        double sigma = ValueMultipleSigma;
        if (sigma == 0)
        {
            return Math.Max(ValueMultipleMedian - k, 0);
        }

        double d1 = (Math.Log(ValueMultipleMedian / k) + (sigma * sigma)) / sigma;
        return Math.Max((mean * Normal.CDF(0, 1, d1)) - (k * Normal.CDF(0, 1, d1 - sigma)), 0);
    }

    private static double MaxSeasonality(IReadOnlyList<double>? seasonality) => seasonality is null || seasonality.Count == 0 ? 1 : seasonality.Max();

    /// <summary>Refuses λ·max s·w above <see cref="MaxOpenOpportunities"/>; returns <paramref name="result"/> (the value being set).</summary>
    private static double CheckOpen(double rate, double maxSeasonality, int window, string name, double? result = null)
    {
        double open = rate * maxSeasonality * window;
        return open <= MaxOpenOpportunities
            ? result ?? rate
            : throw new ArgumentOutOfRangeException(name, result ?? (name == nameof(ArrivalRate) ? rate : maxSeasonality),
                $"{name}: arrivalRate × max seasonality × decisionWindow = {rate:G6} × {maxSeasonality:G6} × {window} = {open:G6} opportunities open at once; at most {MaxOpenOpportunities:N0} (each is offered to the policy in every period of its window). Lower the arrival rate, the seasonal peak or the decision window.");
    }

    private static double LogNormalMean(double median, double sigma) =>
        sigma == 0 ? median : new LogNormal(Math.Log(median), sigma).Mean;
}
