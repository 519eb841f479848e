namespace InfluenceModel.Cli.Commands;

/// <summary>
/// The options that mean the same on every command (<see href="https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/cli.md">docs/cli.md</see>): `-n|--simulations` (Monte-Carlo runs),
/// `-f|--format` (table or json) and `--parallelism` (threads, -1 for all cores; it never changes the numbers: one random stream per simulation index
/// or chain). Their help text and range checks live here so every command says the same.
/// </summary>
internal static class CommonOptions
{
    /// <summary>The help text of `--parallelism`, the same on every command.</summary>
    public const string ParallelismDescription = "Largest number of threads: -1 (all cores) or 1 to 1024. It never changes the numbers, only the time.";

    /// <summary>The error for `--cluster` in the native (AOT) build, which leaves the Orleans cluster code out.</summary>
    public const string ClusterNotInNativeBuild = "--cluster is not available in the native (AOT) build of influence; use the dotnet tool (dotnet tool install -g InfluenceModel.Cli).";

    /// <summary>The help text of `--seed`, the same on every command that has a fixed default seed.</summary>
    public const string SeedDescription = "Random seed (any whole number ≥ 0); the same seed gives the same numbers at any parallelism.";

    /// <summary>The help text of `-f|--format` on the commands that print a table or JSON.</summary>
    public const string FormatDescription = "Output format: table or json.";

    /// <summary>
    /// The error for a `-f|--format` other than table or json, else <see langword="null"/>; <paramref name="escape"/> shows
    /// the value with control characters escaped (<see cref="ErrorText.Escape"/>; `opinion` does, the older commands show
    /// it as given).
    /// </summary>
    public static string? CheckFormat(string format, bool escape = false) =>
        format is "table" or "json" ? null : $"--format must be table or json; it was '{(escape ? ErrorText.Escape(format) : format)}'.";

    /// <summary>The error for a `--parallelism` outside -1 or 1 to 1,024 (<see cref="SimulationOptions.MaxDegreeOfParallelism"/>'s range), else <see langword="null"/>.</summary>
    public static string? CheckParallelism(int value) =>
        value == -1 || value is >= 1 and <= 1024 ? null : $"--parallelism must be -1 (all cores) or 1 to 1024; it was {value}.";

    /// <summary>The error for a `--simulations` outside 1 to 100,000,000 (<see cref="SimulationOptions.Simulations"/>'s range), else <see langword="null"/>.</summary>
    public static string? CheckSimulations(int? value) =>
        value is null or (>= 1 and <= 100_000_000) ? null : $"--simulations must be 1 to 100,000,000; it was {value}.";
}
