using System.Globalization;
using System.Text;

namespace InfluenceModel.Tests.Fuzz;

/// <summary>
/// A seeded, deterministic mutation fuzzer for text inputs (JSON and CSV): the same (seed, iteration) always gives the
/// same bytes, so a failure is reproduced from the two numbers it prints. Each input gets one to three mutations from a
/// mix of byte-level damage (flips, inserted control/invalid bytes, deleted, duplicated and truncated spans) and
/// structure-aware edits (numbers replaced by extremes, values replaced by null/other kinds, a key given twice, a lone
/// surrogate escape, deep nesting).
/// </summary>
internal static class InputMutator
{
    private static readonly string[] Numbers =
        ["0", "-0", "-1", "1.5", "1e308", "-1e308", "1e999", "-1e999", "5e-324", "1e-320", "2147483648", "-2147483649",
         "18446744073709551616", "99999999999999999999999", "0.30000000000000004", "NaN", "Infinity", "1e", "--1", "0x10"];

    private static readonly string[] Values =
        ["null", "true", "false", "\"\"", "[]", "{}", "[null]", "{\"\":null}", "\"\\ud800\"", "\"\\u001b]0;t\\u0007\"", "\"x\"", "[[[[[[[[]]]]]]]]"];

    private static readonly byte[] Bytes = [0x00, 0x07, 0x1B, 0x7F, 0x80, 0xC3, 0xFF, 0xFE, (byte)'"', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'\\', (byte)'-', (byte)'9', (byte)'e', (byte)'\n'];

    /// <summary>The mutant number <paramref name="iteration"/> of <paramref name="seed"/> under <paramref name="runSeed"/>.</summary>
    public static byte[] Mutate(byte[] seed, int runSeed, long iteration)
    {
        // Not HashCode.Combine: it is randomised per process, and a failure must replay from (seed, iteration).
        var random = new Random(Mix(runSeed, iteration, seed.Length));
        byte[] data = seed;
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations; m++)
        {
            data = random.Next(12) switch
            {
                0 => Flip(data, random),
                1 => InsertByte(data, random),
                2 => DeleteSpan(data, random),
                3 => DuplicateSpan(data, random),
                4 => Truncate(data, random),
                5 or 6 => ReplaceNumber(data, random),
                7 or 8 => ReplaceValue(data, random),
                9 => DuplicateKey(data, random),
                10 => Nest(data, random),
                _ => InsertText(data, random, Values[random.Next(Values.Length)]),
            };
        }

        return data;
    }

    /// <summary>A fixed 32-bit mix (SplitMix64's finaliser) of the three numbers.</summary>
    private static int Mix(int runSeed, long iteration, int length)
    {
        ulong z = unchecked(((ulong)(uint)runSeed << 32) ^ (ulong)iteration ^ ((ulong)(uint)length * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }

    private static byte[] Flip(byte[] data, Random random)
    {
        if (data.Length == 0)
        {
            return data;
        }

        byte[] copy = (byte[])data.Clone();
        copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    private static byte[] InsertByte(byte[] data, Random random)
    {
        int at = random.Next(data.Length + 1);
        return [.. data.AsSpan(0, at), Bytes[random.Next(Bytes.Length)], .. data.AsSpan(at)];
    }

    private static byte[] DeleteSpan(byte[] data, Random random)
    {
        if (data.Length == 0)
        {
            return data;
        }

        int at = random.Next(data.Length);
        int length = Math.Min(data.Length - at, 1 + random.Next(16));
        return [.. data.AsSpan(0, at), .. data.AsSpan(at + length)];
    }

    private static byte[] DuplicateSpan(byte[] data, Random random)
    {
        if (data.Length == 0)
        {
            return data;
        }

        int at = random.Next(data.Length);
        int length = Math.Min(data.Length - at, 1 + random.Next(64));
        int to = random.Next(data.Length + 1);
        byte[] span = data.AsSpan(at, length).ToArray();
        return [.. data.AsSpan(0, to), .. span, .. data.AsSpan(to)];
    }

    private static byte[] Truncate(byte[] data, Random random) => data.Length == 0 ? data : data.AsSpan(0, random.Next(data.Length)).ToArray();

    private static byte[] InsertText(byte[] data, Random random, string text)
    {
        int at = random.Next(data.Length + 1);
        return [.. data.AsSpan(0, at), .. Encoding.UTF8.GetBytes(text), .. data.AsSpan(at)];
    }

    /// <summary>Replaces one number of the text (a run of digits with sign, point and exponent) by an extreme one.</summary>
    private static byte[] ReplaceNumber(byte[] data, Random random)
    {
        string text = Encoding.UTF8.GetString(data);
        var starts = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && (i == 0 || !(char.IsAsciiDigit(text[i - 1]) || text[i - 1] is '.' or '-' or 'e' or 'E' or '+')))
            {
                starts.Add(i > 0 && text[i - 1] == '-' ? i - 1 : i);
            }
        }

        if (starts.Count == 0)
        {
            return InsertText(data, random, Numbers[random.Next(Numbers.Length)]);
        }

        int start = starts[random.Next(starts.Count)];
        int end = start + 1;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or 'E' or '+' or '-'))
        {
            end++;
        }

        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, start), Numbers[random.Next(Numbers.Length)], text.AsSpan(end)));
    }

    /// <summary>Replaces the value after one "key": by null, another kind, an escape or a bad string.</summary>
    private static byte[] ReplaceValue(byte[] data, Random random)
    {
        string text = Encoding.UTF8.GetString(data);
        List<int> colons = Positions(text, ':');
        if (colons.Count == 0)
        {
            return InsertText(data, random, Values[random.Next(Values.Length)]);
        }

        int start = colons[random.Next(colons.Count)] + 1;
        int end = ValueEnd(text, start);
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, start), " ", Values[random.Next(Values.Length)], text.AsSpan(end)));
    }

    /// <summary>Copies one "key": value pair right after the opening brace of its object (or the document's), giving the key twice.</summary>
    private static byte[] DuplicateKey(byte[] data, Random random)
    {
        string text = Encoding.UTF8.GetString(data);
        List<int> colons = Positions(text, ':');
        if (colons.Count == 0)
        {
            return data;
        }

        int colon = colons[random.Next(colons.Count)];
        int keyStart = text.LastIndexOf('"', Math.Max(0, text.LastIndexOf('"', Math.Max(0, colon - 1)) - 1));
        if (keyStart < 0)
        {
            return data;
        }

        int end = ValueEnd(text, colon + 1);
        string pair = text[keyStart..end];
        int brace = text.LastIndexOf('{', keyStart);
        return brace < 0 ? data : Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, brace + 1), pair, ",", text.AsSpan(brace + 1)));
    }

    private static byte[] Nest(byte[] data, Random random)
    {
        int depth = random.Next(2) == 0 ? 70 : 2000;
        return InsertText(data, random, string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth)));
    }

    private static List<int> Positions(string text, char c)
    {
        var list = new List<int>();
        for (int i = text.IndexOf(c, StringComparison.Ordinal); i >= 0; i = text.IndexOf(c, i + 1))
        {
            list.Add(i);
        }

        return list;
    }

    /// <summary>The end of the JSON value starting at <paramref name="start"/> (bracket-balanced, strings skipped).</summary>
    private static int ValueEnd(string text, int start)
    {
        int depth = 0;
        bool inString = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (depth == 0)
                    {
                        return i;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return text.Length;
    }

    /// <summary>The iteration count: <c>INFLUENCE_FUZZ_ITERATIONS</c> when set (for long runs by hand), else <paramref name="bounded"/>.</summary>
    public static long Iterations(long bounded) =>
        long.TryParse(Environment.GetEnvironmentVariable("INFLUENCE_FUZZ_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) && n > 0 ? n : bounded;

    /// <summary>The run seed: <c>INFLUENCE_FUZZ_SEED</c> when set, else 2026.</summary>
    public static int RunSeed() =>
        int.TryParse(Environment.GetEnvironmentVariable("INFLUENCE_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : 2026;
}
