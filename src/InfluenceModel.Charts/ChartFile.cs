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
    /// <exception cref="ArgumentNullException"><paramref name="plot"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The path is blank, or its extension is neither .png nor .svg.</exception>
    public static void Save(Plot plot, string path, int width = DefaultWidth, int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string extension = Path.GetExtension(path).ToUpperInvariant();
        if (extension is not (".PNG" or ".SVG"))
        {
            throw new ArgumentException($"Chart file must end in .png or .svg; it was '{path}'.", nameof(path));
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        if (extension == ".PNG")
        {
            plot.SavePng(path, width, height);
        }
        else
        {
            plot.SaveSvg(path, width, height);
        }
    }
}
