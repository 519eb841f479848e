using System.Globalization;
using System.Text;

namespace InfluenceModel.Internal;

/// <summary>The one escaper for untrusted text echoed in messages (the edge-list and graph-file readers, the CLI's errors).</summary>
internal static class Printable
{
    /// <summary>
    /// Shows untrusted text in a one-line message: control characters (C0, DEL, C1) and invisible format characters
    /// (bidirectional overrides) become <c>\xHH</c> / <c>\uHHHH</c>, so echoing a line cannot retitle or clear a
    /// terminal; text longer than <paramref name="maxChars"/> is cut with "…".
    /// </summary>
    public static string Escape(ReadOnlySpan<char> text, int maxChars = int.MaxValue)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxChars) + 8);
        for (int i = 0; i < text.Length && i < maxChars; i++)
        {
            char c = text[i];
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        if (text.Length > maxChars)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }
}
