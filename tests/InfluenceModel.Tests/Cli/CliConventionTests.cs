using System.ComponentModel;
using System.Reflection;
using Spectre.Console.Cli;

namespace InfluenceModel.Tests.Cli;

/// <summary>
/// The option convention of docs/cli.md, read from the commands themselves: one meaning per letter and per name
/// across every command, the shared options where they belong, each default said once in the help, `--version`.
/// </summary>
public sealed class CliConventionTests
{
    /// <summary>Every command's settings type with the options it declares (inherited ones included).</summary>
    private static readonly Dictionary<string, CommandOptionAttribute[]> Commands = typeof(InfluenceModel.Cli.CliApp).Assembly.GetTypes()
        .Where(t => typeof(CommandSettings).IsAssignableFrom(t) && !t.IsAbstract && t.DeclaringType is not null)
        .ToDictionary(
            t => t.DeclaringType!.Name.Replace("Command", "", StringComparison.Ordinal).ToLowerInvariant(),
            t => t.GetProperties().Select(p => p.GetCustomAttribute<CommandOptionAttribute>()).OfType<CommandOptionAttribute>().ToArray());

    private static IEnumerable<(string Command, CommandOptionAttribute Option)> AllOptions() =>
        Commands.SelectMany(c => c.Value.Select(o => (c.Key, o)));

    [Fact]
    public void EveryCommandIsSeen()
    {
        Assert.Equal(["budget", "channels", "clustersilo", "community", "demo", "graphconvert", "graphgeneratermat", "graphinfo", "mmm", "opinion", "run", "seeds", "spread", "validate"], Commands.Keys.Order());
    }

    [Fact]
    public void EachShortLetter_MeansOneLongOption_OnEveryCommand()
    {
        var meanings = AllOptions().SelectMany(x => x.Option.ShortNames.Select(s => (Short: s, Long: x.Option.LongNames.Single(), x.Command)))
            .GroupBy(x => x.Short)
            .Where(g => g.Select(x => x.Long).Distinct().Count() > 1)
            .Select(g => $"-{g.Key}: {string.Join(", ", g.Select(x => $"{x.Command} --{x.Long}"))}");
        Assert.Empty(meanings);
    }

    [Fact]
    public void EachLongOption_HasTheSameShortForm_OnEveryCommand()
    {
        var mixed = AllOptions().GroupBy(x => x.Option.LongNames.Single())
            .Where(g => g.Select(x => string.Join('|', x.Option.ShortNames)).Distinct().Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(mixed);
    }

    [Theory]
    [InlineData("objective")]
    [InlineData("max-channels")]
    [InlineData("seed")]
    [InlineData("parallelism")]
    public void LongOnlyOptions_HaveNoShortForm(string name)
    {
        var withShort = AllOptions().Where(x => x.Option.LongNames.Contains(name) && x.Option.ShortNames.Count > 0).Select(x => x.Command);
        Assert.Empty(withShort);
    }

    [Theory]
    [InlineData("seeds")]
    [InlineData("scenarios")]
    [InlineData("data")]
    public void RetiredNames_AreGone(string name)
    {
        Assert.DoesNotContain(AllOptions(), x => x.Option.LongNames.Contains(name));
    }

    [Theory]
    [InlineData("seed", "demo,run,budget,spread,seeds,mmm")]
    [InlineData("parallelism", "demo,run,budget,spread,seeds,mmm")]
    [InlineData("simulations", "demo,run,budget,spread,seeds")]
    [InlineData("format", "run,community,budget,spread,seeds,channels,mmm")]
    [InlineData("input", "community,budget,channels,mmm")]
    [InlineData("out", "demo,run,mmm")]
    public void SharedOption_IsOnEveryCommandThatNeedsIt(string name, string commands)
    {
        foreach (string command in commands.Split(','))
        {
            Assert.True(Commands[command].Any(o => o.LongNames.Contains(name)), $"{command} lacks --{name}");
        }
    }

    [Fact]
    public void ADefaultShownInTheHelpColumn_IsNotRepeatedInTheDescription()
    {
        var repeated = Commands.Keys.SelectMany(command => typeof(InfluenceModel.Cli.CliApp).Assembly.GetTypes()
                .Single(t => t.DeclaringType?.Name.Equals(command + "Command", StringComparison.OrdinalIgnoreCase) == true && typeof(CommandSettings).IsAssignableFrom(t))
                .GetProperties()
                .Where(p => p.GetCustomAttribute<DefaultValueAttribute>() is not null)
                .Where(p => p.GetCustomAttribute<DescriptionAttribute>()?.Description.Contains("default", StringComparison.OrdinalIgnoreCase) == true)
                .Select(p => $"{command} {p.Name}"));
        Assert.Empty(repeated);
    }

    [Fact]
    public void Version_PrintsTheToolVersion()
    {
        var (code, output, _) = CliHarness.Run(80, "--version");
        Assert.Equal(0, code);
        Assert.Equal(InfluenceModel.Cli.CliApp.Version, output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", output.Trim());
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("community")]
    [InlineData("budget")]
    [InlineData("spread")]
    [InlineData("seeds")]
    [InlineData("opinion")]
    [InlineData("channels")]
    [InlineData("mmm")]
    [InlineData("graph", "convert")]
    [InlineData("graph", "info")]
    [InlineData("graph", "generate", "rmat")]
    [InlineData("cluster", "silo")]
    public void EveryCommandsHelp_RendersAndExitsZero(params string[] command)
    {
        // Spectre reads '[...]' in an option's description as colour markup: an unescaped "[0, 1]" made
        // `opinion --help` fail with "Could not find color or style '0,'". Every command's help must render.
        var (code, output, error) = CliHarness.Run(200, [.. command, "--help"]);
        Assert.True(code == 0, $"{string.Join(' ', command)} --help exited {code}: {error}");
        Assert.Contains("OPTIONS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ShowsTheConventionNames()
    {
        var (code, output, _) = CliHarness.Run(200, "spread", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--seed-nodes", output);
        Assert.Contains("--parallelism", output);
    }

    [Fact]
    public void BadParallelism_IsOneLineNamingTheOption()
    {
        var (code, _, error) = CliHarness.Run(80, "budget", "--input", "x.json", "--parallelism", "0");
        Assert.Equal(2, code);
        Assert.Contains("--parallelism must be -1 (all cores) or 1 to 1024; it was 0.", error);
        Assert.Single(error.Trim().Split('\n'));
    }
}
