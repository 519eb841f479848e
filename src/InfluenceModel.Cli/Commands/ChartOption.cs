namespace InfluenceModel.Cli.Commands;

/// <summary>The `--chart FILE.png|FILE.svg` option shared by `budget`, `channels` and `community`.</summary>
internal static class ChartOption
{
    /// <summary>
    /// Before any work: rejects a chart path whose extension is neither .png nor .svg, that is a folder, or whose folder
    /// cannot be created or written.
    /// </summary>
    public static void Check(string? chart)
    {
        if (chart is null)
        {
            return;
        }

        if (Path.GetExtension(chart).ToUpperInvariant() is not (".PNG" or ".SVG"))
        {
            throw new CliInputException($"--chart must end in .png or .svg; it was '{chart}'.");
        }

        _ = OutputFiles.CheckFile(chart, "--chart");
    }
}
