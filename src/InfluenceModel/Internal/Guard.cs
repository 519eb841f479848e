using System.Runtime.CompilerServices;

namespace InfluenceModel.Internal;

/// <summary>
/// Argument checks shared by every model. Each throws <see cref="ArgumentException"/> or
/// <see cref="ArgumentOutOfRangeException"/> naming the parameter and the allowed range; NaN and infinity are always
/// rejected. Each returns the value so that it can be used in initialisers.
/// </summary>
internal static class Guard
{
    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number; it was {value}.");
        }

        return value;
    }

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number ≥ 0; it was {value}.");
        }

        return value;
    }

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number > 0; it was {value}.");
        }

        return value;
    }

    /// <summary>An amount of money, a response ceiling or a volume: finite and in [0, <see cref="NumericLimits.MaxAmount"/>].</summary>
    public static double Amount(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        InRange(value, 0.0, NumericLimits.MaxAmount, name);

    /// <summary>A positive amount: finite and in (0, <see cref="NumericLimits.MaxAmount"/>].</summary>
    public static double PositiveAmount(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        InRangeExclusiveMin(value, 0.0, NumericLimits.MaxAmount, name);

    /// <summary>
    /// An amount that may be divided by when it is not 0 (a program cost, an annual total): 0 or in
    /// [<see cref="NumericLimits.MinScale"/>, <see cref="NumericLimits.MaxAmount"/>]; 5e-324 made returns on it infinite.
    /// </summary>
    public static double ZeroOrScale(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        ZeroOrInRange(value, NumericLimits.MinScale, NumericLimits.MaxAmount, name);

    /// <summary>0, or a finite value in [<paramref name="min"/>, <paramref name="max"/>] (min &gt; 0).</summary>
    public static double ZeroOrInRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value == 0 || (value >= min && value <= max)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be 0 or a finite number in [{min}, {max}]; it was {value}.");

    /// <summary>A scale that is divided by (a half-saturation spend, a median): in [<see cref="NumericLimits.MinScale"/>, <see cref="NumericLimits.MaxAmount"/>].</summary>
    public static double Scale(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        InRange(value, NumericLimits.MinScale, NumericLimits.MaxAmount, name);

    /// <summary>A rate or multiple: finite and in [0, <see cref="NumericLimits.MaxRate"/>].</summary>
    public static double Rate(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        InRange(value, 0.0, NumericLimits.MaxRate, name);

    /// <summary>Every element an <see cref="Amount"/>; the list itself not null.</summary>
    public static IReadOnlyList<double> AllAmounts(IReadOnlyList<double> values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < 0 || values[i] > NumericLimits.MaxAmount)
            {
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] must be a finite number in [0, {NumericLimits.MaxAmount}]; it was {values[i]}.");
            }
        }

        return values;
    }

    /// <summary>
    /// Debug-only check at a public result boundary: a result of the library is always finite (the numeric contract,
    /// <see cref="NumericLimits"/>). Compiled out of release builds; the property tests assert the same thing there.
    /// Throws rather than <c>Debug.Assert</c>s so that a test host sees the failure instead of being torn down.
    /// </summary>
    [System.Diagnostics.Conditional("DEBUG")]
    public static void AssertFinite(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new InvalidOperationException($"{name} is not finite ({value}): the numeric contract (NumericLimits) is broken.");
        }
    }

    /// <summary>A share or probability in [0, 1].</summary>
    public static double Probability(double value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        InRange(value, 0.0, 1.0, name);

    /// <summary>A finite value in the closed range [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number in [{min}, {max}]; it was {value}.");
        }

        return value;
    }

    /// <summary>A finite value in the half-open range [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public static double InRangeExclusiveMax(double value, double min, double maxExclusive, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value < min || value >= maxExclusive)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number in [{min}, {maxExclusive}); it was {value}.");
        }

        return value;
    }

    /// <summary>A defined member of <typeparamref name="TEnum"/> (casts of other integers are rejected).</summary>
    public static TEnum Defined<TEnum>(TEnum value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a defined {typeof(TEnum).Name}; it was {value}.");

    /// <summary>A finite value in the open range (<paramref name="minExclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public static double InOpenRange(double value, double minExclusive, double maxExclusive, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= minExclusive || value >= maxExclusive)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number in ({minExclusive}, {maxExclusive}); it was {value}.");
        }

        return value;
    }

    /// <summary>A finite value in the half-open range (<paramref name="minExclusive"/>, <paramref name="max"/>].</summary>
    public static double InRangeExclusiveMin(double value, double minExclusive, double max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value) || value <= minExclusive || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a finite number in ({minExclusive}, {max}]; it was {value}.");
        }

        return value;
    }

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in [{min}, {max}]; it was {value}.");
        }

        return value;
    }

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be > 0; it was {value}.");
        }

        return value;
    }

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ 0; it was {value}.");
        }

        return value;
    }

    /// <summary>Every element finite and ≥ 0; the list itself not null.</summary>
    public static IReadOnlyList<double> AllNonNegative(IReadOnlyList<double> values, [CallerArgumentExpression(nameof(values))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] < 0)
            {
                throw new ArgumentOutOfRangeException(name, values[i], $"{name}[{i}] must be a finite number ≥ 0; it was {values[i]}.");
            }
        }

        return values;
    }

    /// <summary>The list and every element not null (the message names the index).</summary>
    public static IReadOnlyList<T> NoNullElements<T>(IReadOnlyList<T> values, [CallerArgumentExpression(nameof(values))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(values, name);
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                throw new ArgumentNullException(name, $"{name}[{i}] is null.");
            }
        }

        return values;
    }

    /// <summary>A degree of parallelism: −1 (all cores) or 1 to 1,024.</summary>
    public static int Parallelism(int value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is -1 or (>= 1 and <= 1024)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be -1 (all cores) or in [1, 1024]; it was {value}.");

    /// <summary>An <see cref="ArgumentException"/> for a named member of an options/request object.</summary>
    public static ArgumentException Invalid(string paramName, string message) => new(message, paramName);

    /// <summary>An <see cref="ArgumentOutOfRangeException"/> for a named member of an options/request object.</summary>
    public static ArgumentOutOfRangeException OutOfRange(string paramName, object? actualValue, string message) =>
        new(paramName, actualValue, message);
}
