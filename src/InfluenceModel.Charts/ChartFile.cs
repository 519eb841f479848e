using ScottPlot;

namespace InfluenceModel.Charts;

/// <summary>Saves a plot as PNG or SVG, chosen by the file extension.</summary>
public static class ChartFile
{
    /// <summary>Default chart size in pixels.</summary>
    public const int DefaultWidth = 900;

    /// <summary>Default chart height in pixels.</summary>
    public const int DefaultHeight = 540;

    /// <summary>
    /// Saves <paramref name="plot"/> to <paramref name="path"/> (.png or .svg), creating the folder if needed.
    /// </summary>
    /// <param name="plot">The plot.</param>
    /// <param name="path">Target file; its extension picks the format.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public static void Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".PNG":
                plot.SavePng(path, width, height);
                break;
            case ".SVG":
                plot.SaveSvg(path, width, height);
                break;
            default:
                throw new ArgumentException($"Chart file must end in .png or .svg; it was '{path}'.", nameof(path));
        }
    }
}
