using System.Runtime.CompilerServices;

namespace InfluenceModel.Internal;

/// <summary>
/// The Friedkin–Johnsen (1990) opinion update, the one place its equation lives:
/// x_v(t+1) = s_v·x_v(0) + (1 − s_v)·Σ_u T_uv·y_u(t), T the row-normalised in-weights (a node without in-weight keeps
/// x_v(0)). Used by <c>Opinions.FriedkinJohnsenModel</c> (a full synchronous sweep, <see cref="Step"/>, with y = x) and by
/// <c>Diffusion.KelmanInfluence</c>'s internalization (its incremental loop sums the pull itself, y_u = 1 for an
/// adopter, fused with the threshold shares, and calls <see cref="Update"/>; its bound and its period-1 check use
/// <see cref="Update"/> and <see cref="Pull"/>). Both stop on <see cref="IsFixedPoint"/>. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// The update is written once and inlined into both hot loops, so the two models cannot drift apart and neither pays a
/// call. The fixed point x* = (I − (I − S)W)⁻¹·S·x(0) is the test oracle of both (computed independently in the tests).
/// Reference: Friedkin, N. E. and Johnsen, E. C. (1990). Social influence and opinions. J. Math. Sociology 15(3–4), 193–206.
/// </remarks>
internal static class FriedkinJohnsen
{
    /// <summary>
    /// The row-normalised in-weights T: for each node v (in-CSR <paramref name="offsets"/>), T[e] = w[e] / Σ_row w, and
    /// 0 for a row whose total is not positive; <c>HasInfluence[v]</c> = Σ_row w &gt; 0. Sums in CSR order.
    /// </summary>
    public static (double[] Row, bool[] HasInfluence) Normalise(int[] offsets, double[] weights)
    {
        int n = offsets.Length - 1;
        var row = new double[weights.Length];
        var hasInfluence = new bool[n];
        for (int v = 0; v < n; v++)
        {
            double total = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                total += weights[e];
            }

            hasInfluence[v] = total > 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                row[e] = total > 0 ? weights[e] / total : 0;
            }
        }

        return (row, hasInfluence);
    }

    /// <summary>The update of one node from its pull Σ_u T_uv·y_u: s·x(0) + (1 − s)·pull, or x(0) without in-weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Update(bool hasInfluence, double stubbornness, double initial, double pull) =>
        hasInfluence ? (stubbornness * initial) + ((1 - stubbornness) * pull) : initial;

    /// <summary>The pull Σ_u T_uv·y_u on node <paramref name="v"/>, summed in CSR order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Pull(int[] offsets, int[] sources, double[] row, int v, double[] y)
    {
        double pull = 0;
        for (int e = offsets[v]; e < offsets[v + 1]; e++)
        {
            pull += row[e] * y[sources[e]];
        }

        return pull;
    }

    /// <summary>
    /// One synchronous sweep with y = x: next[v] = <see cref="Update"/>(…, <see cref="Pull"/>(v, x)), clamped to [0, 1]
    /// (a convex combination of values in [0, 1]; the clamp only absorbs rounding, Σ T_uv may be 1 ± 1 ulp). Returns the
    /// largest |next[v] − x[v]|, for <see cref="IsFixedPoint"/>.
    /// </summary>
    public static double Step(int[] offsets, int[] sources, double[] row, bool[] hasInfluence, double[] stubbornness, double[] initial, double[] x, double[] next)
    {
        double largest = 0;
        for (int v = 0; v < x.Length; v++)
        {
            double value = hasInfluence[v]
                ? Math.Clamp(Update(true, stubbornness[v], initial[v], Pull(offsets, sources, row, v, x)), 0, 1)
                : x[v];
            largest = Math.Max(largest, Math.Abs(value - x[v]));
            next[v] = value;
        }

        return largest;
    }

    /// <summary>Whether a sweep whose largest change was <paramref name="largestChange"/> has reached the fixed point within <paramref name="tolerance"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsFixedPoint(double largestChange, double tolerance) => largestChange <= tolerance;
}
