using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InfluenceModel.Internal;

/// <summary>
/// Four independent xoshiro256** lanes in one 256-bit vector (multiplications by 5 and 9 as shifts and adds, so AVX2
/// suffices), seeded from 16 outputs of a simulation's own generator. Produces 31-bit draws as ints, eight per step, for
/// the engines that flip eight arcs' coins per compare (independent cascade, word of mouth). A mutable struct: keep it
/// in a field or local of one run.
/// </summary>
internal struct VectorXoshiro
{
    /// <summary>
    /// For each 8-bit mask, the lane indices of its set bits in ascending order followed by the others: the permutation
    /// that moves the successful lanes of an 8-arc block to the front (a compress with <c>Avx2.PermuteVar8x32</c>).
    /// </summary>
    public static readonly int[] CompressTable = BuildCompressTable();

    /// <summary>
    /// One AVX2 compare of up to eight arcs' coins: the first <paramref name="count"/> lanes whose draw is at most their
    /// threshold keep their head, compressed in lane order to <c>candidates[found..]</c> (eight ints are written);
    /// <paramref name="compress"/> is the first element of <see cref="CompressTable"/>.
    /// </summary>
    /// <returns>The new number of candidates.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int KeepSuccesses(Vector256<int> heads, Vector256<int> thresholds, Vector256<int> draws, int count, ref int compress, ref int candidates, int found)
    {
        uint hits = Vector256.LessThanOrEqual(draws, thresholds).ExtractMostSignificantBits() & ((1u << count) - 1);
        var permutation = Vector256.LoadUnsafe(ref compress, (nuint)(hits * 8));
        Avx2.PermuteVar8x32(heads, permutation).StoreUnsafe(ref candidates, (nuint)found);
        return found + BitOperations.PopCount(hits);
    }

    private Vector256<ulong> _s0, _s1, _s2, _s3;

    public VectorXoshiro(ref Xoshiro256 rng)
    {
        _s0 = Vector256.Create(rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64());
        _s1 = Vector256.Create(rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64());
        _s2 = Vector256.Create(rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64());
        _s3 = Vector256.Create(rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64()) | Vector256<ulong>.One;
    }

    /// <summary>Writes <paramref name="count"/> (a multiple of 8) 31-bit draws.</summary>
    public void Fill(ref int destination, int count)
    {
        Vector256<ulong> s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
        for (int i = 0; i < count; i += 8)
        {
            var times5 = (s1 << 2) + s1;
            var rotated = (times5 << 7) | (times5 >> 57);
            var result = (rotated << 3) + rotated;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = (s3 << 45) | (s3 >> 19);
            (result.AsInt32() >>> 1).StoreUnsafe(ref destination, (nuint)i);
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    private static int[] BuildCompressTable()
    {
        var table = new int[256 * 8];
        for (int mask = 0; mask < 256; mask++)
        {
            int j = mask * 8;
            for (int k = 0; k < 8; k++)
            {
                if ((mask & (1 << k)) != 0)
                {
                    table[j++] = k;
                }
            }

            for (int k = 0; k < 8; k++)
            {
                if ((mask & (1 << k)) == 0)
                {
                    table[j++] = k;
                }
            }
        }

        return table;
    }
}
