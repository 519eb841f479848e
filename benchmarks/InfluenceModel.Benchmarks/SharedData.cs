namespace InfluenceModel.Benchmarks;

/// <summary>Finds ../shared/data/graphs beside the repository root (benchmarks run from the repo or its bin folder).</summary>
internal static class SharedData
{
    public static string GraphPath(string fileName)
    {
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "InfluenceModel.sln")))
                {
                    string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "graphs", fileName));
                    if (File.Exists(path))
                    {
                        return path;
                    }

                    throw new FileNotFoundException($"Benchmark graph not found at {path}: the benchmarks need ../shared/data/graphs beside the repository.", path);
                }
            }
        }

        throw new InvalidOperationException("InfluenceModel.sln not found above the current or base directory.");
    }
}
