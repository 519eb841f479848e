using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfluenceModel.Campaigns;
using InfluenceModel.Internal;

namespace InfluenceModel.Cli;

/// <summary>
/// Bad input detected by a command itself (a missing file, a malformed option value, a JSON input's problems): one
/// line per problem, each naming the user's own thing (the option or the JSON path) and what is allowed.
/// </summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message) => Lines = [message];

    public CliInputException(IReadOnlyList<string> lines)
        : base(string.Join("; ", lines)) => Lines = lines;

    public CliInputException()
        : this("bad input")
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException) => Lines = [message];

    /// <summary>One entry per problem.</summary>
    public IReadOnlyList<string> Lines { get; }
}

/// <summary>
/// The text of every error the CLI prints: one line per problem, no .NET internals (no "(Parameter 'x')", no "Actual
/// value was", no "LineNumber: … | BytePositionInLine", no type names), numbers shortened to what a person reads
/// (1.2799999999999998 → 1.28), and control characters escaped so that an echoed file line cannot drive the terminal.
/// </summary>
internal static partial class ErrorText
{
    /// <summary>The lines to print for <paramref name="ex"/>, each cleaned and escaped.</summary>
    public static IReadOnlyList<string> Lines(Exception ex)
    {
        IEnumerable<string> raw = ex switch
        {
            CliInputException cli => cli.Lines,
            ScenarioValidationException { Problems.Count: > 0 } scenario => scenario.Problems.Select(p => p.ToString()),
            JsonException { Path: { } path } json when !json.Message.Contains(path, StringComparison.Ordinal) => [$"{path}: {json.Message}"],
            ArgumentException argument => [ScenarioProblems.MessageOf(argument)],
            _ => [ex.Message],
        };
        return [.. raw.Select(Clean)];
    }

    /// <summary>One clean, escaped line.</summary>
    public static string Clean(string message)
    {
        string text = message;
        int parameter = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (parameter >= 0)
        {
            text = text[..parameter];
        }

        text = JsonTail().Replace(text, "");
        text = LongNumber().Replace(text, m => double.TryParse(m.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? d.ToString("G6", CultureInfo.InvariantCulture)
            : m.Value);
        return Escape(text.ReplaceLineEndings(" ").Trim());
    }

    /// <summary>
    /// <paramref name="text"/> with every control character (C0, DEL, C1), lone surrogate and invisible format character
    /// (bidirectional overrides) written as a visible escape (ESC → \x1B, U+202E → \u202E), so that text from a file
    /// cannot retitle, clear or reorder the user's terminal: the library's one escaper, <see cref="Printable.Escape"/>.
    /// </summary>
    public static string Escape(string text) => Printable.Escape(text);

    /// <summary>System.Text.Json's location tail: " Path: $.x | LineNumber: 3 | BytePositionInLine: 7." and its variants.</summary>
    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex JsonTail();

    /// <summary>A decimal with more than six significant digits after the point (a binary rounding artefact to a reader).</summary>
    [GeneratedRegex(@"(?<![\w.])-?\d+\.\d{7,}(E[+-]?\d+)?(?!\w|\.\d)", RegexOptions.IgnoreCase)]
    private static partial Regex LongNumber();
}
