namespace InfluenceModel.Cli.Commands;

/// <summary>The `--chart FILE.png|FILE.svg` option shared by `budget`, `channels` and `community`.</summary>
internal static class ChartOption
{
    /// <summary>Rejects a chart path whose extension is neither .png nor .svg (before any work is done).</summary>
    public static void Check(string? chart)
    {
        if (chart is not null && Path.GetExtension(chart).ToUpperInvariant() is not (".PNG" or ".SVG"))
        {
            throw new CliInputException($"--chart must end in .png or .svg; it was '{chart}'.");
        }
    }
}
