using System.Text;
using InfluenceModel.Cli;
using InfluenceModel.Cli.Commands;
using InfluenceModel.MediaMix;
using InfluenceModel.Networks;

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
    [InlineData("edgelist")]
    [InlineData("edgelist-gz")]
    [InlineData("graphfile")]
    [InlineData("graphml")]
    [InlineData("gml")]
    [InlineData("nodes")]
    public void Mutants_ReadOrFailCleanly(string kind)
    {
        byte[][] corpus = Corpus(kind, _folder);
        Assert.NotEmpty(corpus);
        Action<string> read = Target(kind);
        int runSeed = InputMutator.RunSeed();
        long iterations = InputMutator.Iterations(Bounded);
        string path = Path.Combine(_folder, "input" + Extension(kind));
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
        catch (Exception ex) when (ex is CliInputException or FormatException or InvalidDataException || (ex is ArgumentException && ex.GetType() == typeof(ArgumentException)))
        {
            // FormatException and ArgumentException come from the media-mix CSV reader and the edge-list reader (a line, a
            // weight), InvalidDataException from the graph readers (a damaged .gz or graph file); the CLI prints each as
            // one line with exit code 2.
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

    /// <summary>
    /// The seed inputs of <paramref name="kind"/>: the committed files under Fuzz/corpus/KIND; graph files are written
    /// from the committed edge lists (into <paramref name="scratch"/>), so the corpus holds no binary the format could outgrow.
    /// </summary>
    internal static byte[][] Corpus(string kind, string scratch)
    {
        string Folder(string k) => Path.Combine(SharedData.RepositoryRoot, "tests", "InfluenceModel.Tests", "Fuzz", "corpus", k);
        if (kind == "graphfile")
        {
            return [.. Directory.GetFiles(Folder("edgelist")).Order(StringComparer.Ordinal).Select(file =>
            {
                string saved = Path.Combine(scratch, Path.GetFileName(file) + ".imgraph");
                SocialGraph.LoadEdgeList(file).SaveBinary(saved);
                return File.ReadAllBytes(saved);
            })];
        }

        return [.. Directory.GetFiles(Folder(kind)).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }

    /// <summary>The file name ending the reader of <paramref name="kind"/> expects (.gz decides decompression).</summary>
    internal static string Extension(string kind) => kind switch
    {
        "mediamix" => ".csv",
        "edgelist" => ".txt",
        "edgelist-gz" => ".txt.gz",
        "graphfile" => ".imgraph",
        "graphml" => ".graphml",
        "gml" => ".gml",
        "nodes" => ".csv",
        _ => ".json",
    };

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
        "edgelist" or "edgelist-gz" or "graphfile" => path =>
        {
            // The --graph reader of seeds and spread, with the default convention and then with the file's own weights.
            _ = GraphInput.Load(path, undirected: false, EdgeProbabilities.WeightedCascade);
            _ = GraphInput.Load(path, undirected: false, EdgeProbabilities.FromWeights);
        },
        "graphml" or "gml" => path =>
        {
            // The --graph reader of spread, seeds and opinion, with the default convention and with the file's own weights.
            // (The second only when the file has weights: without them it is the CLI's one-line refusal by design.)
            _ = GraphInput.LoadAttributed(path, undirected: false, EdgeProbabilities.WeightedCascade);
            if (GraphInput.LoadWeights(path, undirected: false).HasWeights)
            {
                _ = GraphInput.LoadAttributed(path, undirected: false, EdgeProbabilities.FromWeights);
            }
        },
        "nodes" => path =>
        {
            // --nodes beside the edge list 1 2, 2 3, 3 4, 4 1.
            string edges = Path.Combine(Path.GetDirectoryName(path)!, "nodes-graph.txt");
            File.WriteAllText(edges, "1 2\n2 3\n3 4\n4 1\n");
            _ = GraphInput.LoadAttributed(edges, undirected: false, EdgeProbabilities.WeightedCascade, path);
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
