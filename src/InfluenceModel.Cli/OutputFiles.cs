namespace InfluenceModel.Cli;

/// <summary>
/// The files a command writes, as one unit: every target is checked writable before the work starts
/// (<see cref="CheckFile"/>, <see cref="CheckFolder"/>); each file is first written under a temporary name in its own
/// folder (<see cref="Stage"/>) and renamed over its target only when all of them are written
/// (<see cref="Commit"/>). A failure or Ctrl+C before the commit deletes the temporary files and leaves the earlier
/// files as they were.
/// </summary>
internal sealed class OutputFiles : IDisposable
{
    private readonly List<(string Temporary, string Target)> _staged = [];

    /// <summary>Checks that <paramref name="path"/> can be written: not a folder, its folder creatable and writable.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="option">The option that named it, for the message ("--chart").</param>
    /// <returns>The full path.</returns>
    public static string CheckFile(string path, string option)
    {
        string full = FullPath(path, option, "file");

        if (Directory.Exists(full))
        {
            throw new CliInputException($"{option} '{path}' is a folder; give a file name.");
        }

        Probe(Path.GetDirectoryName(full) ?? full, option, path);
        return full;
    }

    /// <summary>
    /// Checks that <paramref name="folder"/> can hold <paramref name="files"/>: created if missing, writable, and none
    /// of the files is a folder.
    /// </summary>
    /// <returns>The full path of the folder.</returns>
    public static string CheckFolder(string folder, string option, params string[] files)
    {
        string full = FullPath(folder, option, "folder");

        if (File.Exists(full))
        {
            throw new CliInputException($"{option} '{folder}' is a file; give a folder.");
        }

        Probe(full, option, folder);
        foreach (string file in files)
        {
            if (Directory.Exists(Path.Combine(full, file)))
            {
                throw new CliInputException($"{option} '{folder}': {Path.Combine(folder, file)} is a folder; remove it or choose another {option}.");
            }
        }

        return full;
    }

    /// <summary>A temporary path beside <paramref name="target"/> (same folder, same extension, hidden) to write to.</summary>
    public string Stage(string target)
    {
        string full = Path.GetFullPath(target);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        _staged.Add((temporary, full));
        return temporary;
    }

    /// <summary>Renames every staged file over its target, unless <paramref name="cancellationToken"/> is cancelled first.</summary>
    public void Commit(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach ((string temporary, string target) in _staged)
        {
            File.Move(temporary, target, overwrite: true);
        }

        _staged.Clear();
    }

    /// <summary>Deletes the temporary files not committed.</summary>
    public void Dispose()
    {
        foreach ((string temporary, _) in _staged)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: a temporary file that cannot be deleted is hidden and named as such.
            }
        }

        _staged.Clear();
    }

    private static string FullPath(string path, string option, string what)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliInputException($"{option} '{path}' is not a valid {what} path.");
        }
    }

    private static void Probe(string folder, string option, string shown)
    {
        string probe = Path.Combine(folder, $".influence-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            string reason = ex is UnauthorizedAccessException ? "permission denied" : ex.Message;
            throw new CliInputException($"{option} '{shown}' cannot be written (folder {folder}): {reason}");
        }
    }
}
