using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace InfluenceModel.Internal;

/// <summary>
/// A fast 64-bit checksum for detecting corrupt files: four independent lanes of XXH64's multiply-rotate round over
/// 32-byte stripes, then XXH64's finalisation (Collet, xxHash). It is built from the same round function but is not
/// bit-compatible with XXH64, and it is not a cryptographic hash: it detects accidental damage, not tampering.
/// One multiply and one rotate per 8 bytes per lane, so verifying a graph file costs little next to reading it.
/// </summary>
internal static class Checksum64
{
    private const ulong P1 = 11400714785074694791UL;
    private const ulong P2 = 14029467366897019727UL;
    private const ulong P3 = 1609587929392839161UL;
    private const ulong P4 = 9650029242287828579UL;
    private const ulong P5 = 2870177450012600261UL;

    /// <summary>The checksum of <paramref name="data"/>, chained from <paramref name="seed"/> (the previous section's checksum).</summary>
    public static ulong Compute(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        ulong length = (ulong)data.Length;
        ulong h;
        if (data.Length >= 32)
        {
            ulong a = seed + P1 + P2, b = seed + P2, c = seed, d = seed - P1;
            ReadOnlySpan<ulong> words = MemoryMarshal.Cast<byte, ulong>(data[..(data.Length & ~31)]);
            for (int i = 0; i < words.Length; i += 4)
            {
                a = Round(a, words[i]);
                b = Round(b, words[i + 1]);
                c = Round(c, words[i + 2]);
                d = Round(d, words[i + 3]);
            }

            h = BitOperations.RotateLeft(a, 1) + BitOperations.RotateLeft(b, 7) + BitOperations.RotateLeft(c, 12) + BitOperations.RotateLeft(d, 18);
            h = Merge(Merge(Merge(Merge(h, a), b), c), d);
            data = data[(data.Length & ~31)..];
        }
        else
        {
            h = seed + P5;
        }

        h += length;
        while (data.Length >= 8)
        {
            h ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data));
            h = (BitOperations.RotateLeft(h, 27) * P1) + P4;
            data = data[8..];
        }

        foreach (byte x in data)
        {
            h ^= x * P5;
            h = BitOperations.RotateLeft(h, 11) * P1;
        }

        h ^= h >> 33;
        h *= P2;
        h ^= h >> 29;
        h *= P3;
        h ^= h >> 32;
        return h;
    }

    private static ulong Round(ulong acc, ulong input) => BitOperations.RotateLeft(acc + (input * P2), 31) * P1;

    private static ulong Merge(ulong h, ulong lane) => ((h ^ Round(0, lane)) * P1) + P4;
}
