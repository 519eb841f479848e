using System.Text;
using InfluenceModel.Cli;
using InfluenceModel.Cli.Commands;
using InfluenceModel.MediaMix;

namespace InfluenceModel.Tests.Fuzz;

/// <summary>
/// Runs <see cref="InputMutator"/> over the committed seed corpus (tests/InfluenceModel.Tests/Fuzz/corpus, taken from
/// docs/examples) through the CLI's readers: every mutant must either read or fail with the input exception whose
/// lines are clean (one line per problem, no control characters, no .NET internals). Bounded here (a few seconds);
/// for hours by hand:
/// <c>INFLUENCE_FUZZ_ITERATIONS=2000000 INFLUENCE_FUZZ_SEED=7 dotnet test --project tests/InfluenceModel.Tests/InfluenceModel.Tests.csproj --filter-class "*InputFuzzTests"</c>.
/// A failure prints the kind, run seed and iteration and saves the input under the test's output folder
/// (fuzz-failures/); make it a regression test in HostileInputTests.
/// </summary>
public sealed class InputFuzzTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The mutants run per input kind inside the test suite.</summary>
    private const int Bounded = 400;

    [Theory]
    [InlineData("scenario")]
    [InlineData("channels")]
    [InlineData("budget")]
    [InlineData("community")]
    [InlineData("mediamix")]
    public void Mutants_ReadOrFailCleanly(string kind)
    {
        string[] seeds = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "tests", "InfluenceModel.Tests", "Fuzz", "corpus", kind));
        Assert.NotEmpty(seeds);
        byte[][] corpus = [.. seeds.Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
        Action<string> read = Target(kind);
        int runSeed = InputMutator.RunSeed();
        long iterations = InputMutator.Iterations(Bounded);
        string path = Path.Combine(_folder, kind == "mediamix" ? "input.csv" : "input.json");
        int accepted = 0, refused = 0;
        foreach (byte[] seed in corpus)
        {
            // The seeds themselves must read.
            File.WriteAllBytes(path, seed);
            read(path);
        }

        for (long i = 0; i < iterations; i++)
        {
            byte[] mutant = InputMutator.Mutate(corpus[i % corpus.Length], runSeed, i);
            File.WriteAllBytes(path, mutant);
            string? failure = Check(read, path);
            if (failure is "accepted")
            {
                accepted++;
            }
            else if (failure is "refused")
            {
                refused++;
            }
            else
            {
                string saved = Save(kind, runSeed, i, mutant);
                Assert.Fail($"{kind} mutant (seed {runSeed}, iteration {i}, saved to {saved}): {failure}");
            }
        }

        TestContext.Current.SendDiagnosticMessage($"{kind}: {iterations} mutants, {accepted} read, {refused} refused cleanly");
        Assert.True(refused > 0, "the mutator never produced a bad input: it is not mutating");
    }

    /// <summary>"accepted", "refused" (a clean input error), or what was wrong.</summary>
    internal static string Check(Action<string> read, string path)
    {
        try
        {
            read(path);
            return "accepted";
        }
        catch (Exception ex) when (ex is CliInputException or FormatException || (ex is ArgumentException && ex.GetType() == typeof(ArgumentException)))
        {
            // FormatException and ArgumentException come from the media-mix CSV reader; the mmm command maps them to one
            // line naming --input or the column option.
            foreach (string line in ErrorText.Lines(ex))
            {
                if (Unclean(line) is { } why)
                {
                    return $"unclean message ({why}): {line}";
                }
            }

            return "refused";
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}";
        }
    }

    /// <summary>Why an error line is not fit for a user, or null.</summary>
    internal static string? Unclean(string line)
    {
        if (line.Any(c => c < 0x20 || c is >= (char)0x7F and <= (char)0x9F))
        {
            return "a control character";
        }

        foreach (string leak in (string[])["(Parameter '", "Actual value was", "LineNumber:", "BytePositionInLine", "System.", "InfluenceModel.", ".NET member", "JsonTypeInfo", "Object reference"])
        {
            if (line.Contains(leak, StringComparison.Ordinal))
            {
                return $"leaks '{leak}'";
            }
        }

        return line.Length == 0 ? "empty" : null;
    }

    /// <summary>The reading stage of each command: parse, check, and map onto the domain types (no simulation).</summary>
    internal static Action<string> Target(string kind) => kind switch
    {
        "scenario" => path =>
        {
            if (InputFile.ValidateScenario(path, "<SCENARIO>").Count == 0)
            {
                _ = InputFile.ReadScenario(path, "<SCENARIO>");
            }
        },
        "channels" => path => _ = ChannelsInput.Read(path).ToRequest(path, 40_000, 3, null),
        "budget" => path => _ = BudgetInput.Read(path).ToRequests(path),
        "community" => path => _ = CommunityReport.ReadInputs(path),
        "mediamix" => path =>
        {
            using var reader = new StringReader(Encoding.UTF8.GetString(File.ReadAllBytes(path)));
            _ = MediaMixCsv.Read(reader, "week", "sales", ["tv", "search", "social"], ["price"]);
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown input kind"),
    };

    private static string Save(string kind, int runSeed, long iteration, byte[] mutant)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "fuzz-failures");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, $"{kind}-{runSeed}-{iteration}.bin");
        File.WriteAllBytes(file, mutant);
        return file;
    }
}
