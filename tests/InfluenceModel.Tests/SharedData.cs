namespace InfluenceModel.Tests;

/// <summary>
/// Locates the real social graphs in ../shared/data/graphs (relative to the repository root). Tests that need them
/// call <see cref="GraphPath"/>: when the folder is absent (a user's clone) the test is skipped with a clear message;
/// under CI=true, where the folder is always present, its absence fails the test.
/// </summary>
internal static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string GraphsFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "graphs"));

    public static string GraphPath(string fileName)
    {
        string path = Path.Combine(GraphsFolder, fileName);
        if (File.Exists(path))
        {
            return path;
        }

        string message = $"Shared graph data not found at {path} (expected ../shared/data/graphs beside the repository).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " Under CI=true the shared data must be present.");
        }

        Assert.Skip(message);
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InfluenceModel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("InfluenceModel.sln not found above " + AppContext.BaseDirectory);
    }
}
