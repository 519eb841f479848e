using System.Text;
using InfluenceModel.Cli;
using InfluenceModel.Tests.Fuzz;

namespace InfluenceModel.Tests.Cli;

/// <summary>
/// Issue 13 (JSON inputs) and issue 16 (error text): every hostile input of the scenario, channels, budget and community
/// readers ends in exit 2 with one clean line per problem naming the JSON path or the option, never "unexpected error".
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Segment = "{\"name\":\"a\",\"size\":1000}";
    private const string GoodChannel = "{\"name\":\"x\",\"fixedCost\":10,\"audience\":[0.5],\"curve\":{\"kind\":\"hill\",\"beta\":100,\"kappa\":50}}";

    private readonly string _folder = Directory.CreateTempSubdirectory("influence-hostile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string> NullsAndDuplicates => new()
    {
        // The NullReferenceExceptions of issue 13.
        { "channels", $"{{\"segments\":[null],\"channels\":[{GoodChannel}]}}", "$.segments[0] must be an object ({ … }), not null" },
        { "channels", $"{{\"segments\":[{Segment}],\"channels\":null}}", "$.channels must be a list ([ … ]), not null" },
        { "channels", $"{{\"segments\":[{Segment}],\"channels\":[{GoodChannel}],\"objective\":null}}", "$.objective must be text (in quotes), not null" },
        { "channels", $"{{\"segments\":[{Segment}],\"channels\":[null]}}", "$.channels[0] must be an object" },
        { "channels", $"{{\"segments\":[{Segment}],\"channels\":[{{\"name\":\"x\",\"audience\":[0.5],\"curve\":null}}]}}", "$.channels[0].curve is required" },
        { "channels", $"{{\"segments\":[{Segment}],\"channels\":[{{\"name\":\"x\",\"audience\":[null],\"curve\":{{\"kind\":\"hill\",\"beta\":1,\"kappa\":1}}}}]}}", "$.channels[0].audience[0] must be a number, not null" },
        { "channels", $"{{\"segments\":[{Segment}],\"channels\":[{{\"name\":\"x\",\"audience\":[0.5],\"curve\":{{\"kind\":\"cubic\"}}}}]}}", "$.channels[0].curve.kind must be \"hill\", \"logistic\" or \"michaelisMenten\"; it was \"cubic\"" },
        { "budget", "{\"reserveSearch\":null}", "$.reserveSearch must be an object ({ … }), not null" },
        { "budget", "{\"channels\":[null]}", "$.channels[0] must be an object" },
        { "budget", "{\"opportunities\":null}", "$.opportunities must be an object" },
        { "budget", "{\"reserveSearch\":{\"objective\":\"best\"}}", "$.reserveSearch.objective must be one of \"mean\", \"conditionalValueAtRisk\"; it was \"best\"" },
        { "budget", "{\"periods\":1.5}", "$.periods must be a whole number" },
        // Found by the fuzzer (seed 11, iteration 946): an ArgumentOutOfRangeException with "(Parameter 'Points')".
        { "budget", "{\"strategy\":{\"objective\":\"o\",\"audience\":\"a\",\"kpi\":\"k\"},\"annualTotal\":100,\"reserveShare\":1,\"reserveSearch\":{\"points\":0}}", "$.reserveSearch.points must be in [2, 1001]; it was 0" },
        { "community", "{\"horizon\":null}", "$.horizon must be a whole number in [-2147483648, 2147483647], not null" },
        // Duplicate keys: accepted silently by community before, a .NET dictionary message in scenarios.
        { "community", "{\"horizon\":12,\"horizon\":13}", "$.horizon is given twice in one object (duplicate key)" },
        { "channels", $"{{\"segments\":[{Segment}],\"segments\":[{Segment}],\"channels\":[{GoodChannel}]}}", "$.segments is given twice" },
        { "budget", "{\"reserveSearch\":{\"points\":5,\"points\":6}}", "$.reserveSearch.points is given twice" },
        { "validate", "{\"name\":\"a\",\"name\":\"b\"}", "$.name is given twice in one object (duplicate key)" },
        { "validate", "{\"budget\":{\"annualTotal\":1,\"annualTotal\":2}}", "$.budget.annualTotal is given twice" },
        // Lone surrogates: "unexpected error" before.
        { "validate", "{\"name\":\"\\ud800\"}", "$.name: the text holds a lone UTF-16 surrogate escape" },
        { "community", "{\"\\udc00\":1}", "a property name holds a lone UTF-16 surrogate escape" },
        // Issue 16: .NET type names and unlisted values.
        { "budget", "{\"bogus\":1}", "$.bogus is not a property here; the properties of $ are strategy, annualTotal" },
        { "validate", "{\"influence\":{\"model\":\"rumour\"}}", "$.influence.model must be one of \"kelman\", \"linearThreshold\", \"independentCascade\", \"sir\", \"sis\"; it was \"rumour\"" },
        { "community", "{\"horizon\":-3}", "$.horizon must be in [1, 1200]; it was -3" },
        { "community", "[1,2]", "$ must be a JSON object ({ … }); it was [1,2]" },
        { "community", "", "the input is empty" },
    };

    [Theory]
    [MemberData(nameof(NullsAndDuplicates))]
    public void HostileJson_ExitTwo_OneCleanLinePerProblem_NamingTheJsonPath(string command, string json, string expected)
    {
        string path = Write("input.json", Encoding.UTF8.GetBytes(json));

        (int code, string output, string error) = Run(command, path);

        Assert.Equal(CliApp.ExitBadInput, code);
        string text = command == "validate" ? output + error : error;
        Assert.Contains(expected, text, StringComparison.Ordinal);
        AssertClean(command == "validate" ? text : error);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0 }, "it looks like UTF-16: save it as UTF-8")]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'a', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, "line 1, column 4: the input is not UTF-8 text: byte 0xC3")]
    [InlineData(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, "the input is not UTF-8 text: byte 0x89")]
    [InlineData(new byte[] { 0, 0, 0, 0 }, "line 1, column 1 (near $): '0x00' is an invalid start of a value")]
    public void NonUtf8AndBinary_ExitTwo_SayWhereAndWhat(byte[] bytes, string expected)
    {
        foreach (string command in (string[])["validate", "channels", "budget", "community"])
        {
            string path = Write($"{command}.json", bytes);
            (int code, _, string error) = Run(command, path);
            Assert.Equal(CliApp.ExitBadInput, code);
            Assert.Contains(expected, error, StringComparison.Ordinal);
            AssertClean(error);
        }
    }

    [Fact]
    public void DevZero_IsRefusedAtTheSizeCap_WithoutReadingItAll()
    {
        Assert.SkipUnless(File.Exists("/dev/zero"), "/dev/zero exists on Linux and macOS only");
        foreach (string command in (string[])["validate", "channels", "budget", "community"])
        {
            (int code, _, string error) = Run(command, "/dev/zero");
            Assert.Equal(CliApp.ExitBadInput, code);
            Assert.Contains("'/dev/zero': the input is larger than 16 MiB, the limit for an input file", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FileOverTheCap_IsRefused_NamingTheLimit()
    {
        string path = Path.Combine(_folder, "big.json");
        using (FileStream stream = File.Create(path))
        {
            stream.SetLength((16L * 1024 * 1024) + 1);
        }

        (int code, _, string error) = Run("community", path);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("larger than 16 MiB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersFromTheFile_AreEscapedInErrors_SoTheTerminalIsNotDriven()
    {
        // ESC ]0;title BEL ESC [2J: retitles and clears a terminal when echoed raw (issue 13).
        string path = Write("input.json", Encoding.UTF8.GetBytes("{\"horizon\":3,\"x\\u001b]0;pwned\\u0007\\u001b[2J\":1}"));

        (int code, _, string error) = Run("community", path);

        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("$.x\\x1B]0;pwned\\x07\\x1B[2J is not a property here", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
        Assert.DoesNotContain('\u0007', error);
    }

    [Fact]
    public void ControlCharactersInAFileName_AreEscapedInErrors()
    {
        (int code, _, string error) = CliHarness.Run(120, "community", "--input", Path.Combine(_folder, "no\u001b[2Jsuch.json"));
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("no\\x1B[2Jsuch.json", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u001b[2Jb", "a\\x1B[2Jb")]
    [InlineData("bell\u0007", "bell\\x07")]
    [InlineData("tab\tnew\nline", "tab\\x09new\\x0Aline")]
    [InlineData("c1\u009b", "c1\\x9B")]
    [InlineData("rtl\u202eevil", "rtl\\u202Eevil")]
    [InlineData("emoji 😀 stays", "emoji 😀 stays")]
    public void Escape_WritesControlCharactersVisibly(string text, string expected) => Assert.Equal(expected, ErrorText.Escape(text));

    [Fact]
    public void Escape_WritesALoneSurrogateVisibly() => Assert.Equal("lone \\uD800 surrogate", ErrorText.Escape("lone " + (char)0xD800 + " surrogate"));

    [Theory]
    [InlineData("Horizon must be in [1, 1200]; it was -3. (Parameter 'Horizon')\nActual value was -3.", "Horizon must be in [1, 1200]; it was -3.")]
    [InlineData("they add up to 1.2799999999999998.", "they add up to 1.28.")]
    [InlineData("it was 0.30000000000000004", "it was 0.3")]
    [InlineData("'x' is invalid. Path: $.a | LineNumber: 3 | BytePositionInLine: 7.", "'x' is invalid.")]
    [InlineData("keeps 12345 and 0.25 and 1e308", "keeps 12345 and 0.25 and 1e308")]
    public void Clean_DropsDotNetTails_AndShortensRoundingArtefacts(string message, string expected) =>
        Assert.Equal(expected, ErrorText.Clean(message));

    [Fact]
    public void ScenarioProblems_OneLinePerProblem_NothingWritten()
    {
        // A complete scenario (every part spelled out, as run requires) with three bad values.
        var scenario = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "campaign.json")))!;
        scenario["budget"]!["reserveShare"] = 1.5;
        scenario["budget"]!["annualTotal"] = -5;
        scenario["simulation"]!["simulations"] = 0;
        string path = Write("s.json", Encoding.UTF8.GetBytes(scenario.ToJsonString()));
        string outFolder = Path.Combine(_folder, "out");

        (int code, string output, string error) = CliHarness.Run(120, "run", path, "--out", outFolder);

        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Equal("", output);
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.StartsWith($"error: {path}: $.", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("$.budget.reserveShare must be a finite number in [0, 1]; it was 1.5", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("$.budget.annualTotal", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("$.simulation.simulations", StringComparison.Ordinal));
        AssertClean(error);
        Assert.Empty(Directory.Exists(outFolder) ? Directory.GetFileSystemEntries(outFolder) : []);
    }

    [Fact]
    public void SegmentShares_AddUpTo_IsPrintedAsAPersonWouldWriteIt()
    {
        // 0.64 + 0.64 is 1.2799999999999998 in binary floating point (issue 16).
        string path = Write("s.json", Encoding.UTF8.GetBytes("{\"population\":{\"segments\":[{\"name\":\"a\",\"share\":0.64},{\"name\":\"b\",\"share\":0.64}]}}"));

        (int code, string output, _) = CliHarness.Run(120, "validate", path);

        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("they add up to 1.28", output, StringComparison.Ordinal);
        Assert.DoesNotContain("1.2799999999999998", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoConsumers_IsBlamedOnTheOption_NotOnTheJsonPath()
    {
        (int code, string output, string error) = CliHarness.Run(120, "demo", "--consumers", "5", "--out", Path.Combine(_folder, "out"));

        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Equal("error: --consumers must be in [10, 10000000]; it was 5.", error.Trim());
        Assert.Equal("", output);
    }

    [Fact]
    public void SeedCorpus_Reads_ThroughEveryTarget()
    {
        // The fuzzer's seeds are the shipped examples: they must stay valid inputs.
        foreach (string kind in (string[])["scenario", "channels", "budget", "community", "mediamix", "edgelist", "edgelist-gz"])
        {
            foreach (string file in Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "tests", "InfluenceModel.Tests", "Fuzz", "corpus", kind)))
            {
                Assert.Equal("accepted", InputFuzzTests.Check(InputFuzzTests.Target(kind), file));
            }
        }
    }

    private static void AssertClean(string text)
    {
        Assert.DoesNotContain("unexpected error", text, StringComparison.Ordinal);
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Null(InputFuzzTests.Unclean(line.TrimEnd('\r')));
        }
    }

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private (int Code, string Output, string Error) Run(string command, string path) => command switch
    {
        "validate" => CliHarness.Run(120, "validate", path),
        "channels" => CliHarness.Run(120, "channels", "--input", path, "--budget", "1000"),
        "budget" => CliHarness.Run(120, "budget", "--input", path, "--simulations", "20", "--chart", Path.Combine(_folder, "never.png")),
        _ => CliHarness.Run(120, "community", "--input", path),
    };
}
