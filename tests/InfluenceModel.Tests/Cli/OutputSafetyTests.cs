using System.Diagnostics;
using InfluenceModel.Cli;

namespace InfluenceModel.Tests.Cli;

/// <summary>
/// Issue 13 (outputs) and issue 16 (`demo --out /proc/nope`): every output target is checked before the work, files are
/// written under temporary names and renamed, earlier files survive a failure, and Ctrl+C / SIGTERM end a command with
/// "Cancelled.", exit 130 and no partial files.
/// </summary>
public sealed class OutputSafetyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-out-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_OutFolderWhoseReportHtmlIsAFolder_FailsBeforeWork_EarlierFilesIntact()
    {
        string outFolder = Path.Combine(_folder, "D");
        Directory.CreateDirectory(Path.Combine(outFolder, "report.html"));
        string earlier = Path.Combine(outFolder, "adoption-by-mechanism.png");
        File.WriteAllText(earlier, "earlier");
        string scenario = Path.Combine(_folder, "s.json");
        // A complete scenario (run requires every part), small and quick.
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "examples", "campaign.json")))!;
        json["population"]!["consumers"] = 300;
        json["population"]!["averageDegree"] = 6;
        json["simulation"]!["simulations"] = 2;
        File.WriteAllText(scenario, json.ToJsonString());

        (int code, string output, string error) = CliHarness.Run(120, "run", scenario, "--out", outFolder);

        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Equal("", output);
        Assert.Contains("report.html is a folder", error, StringComparison.Ordinal);
        Assert.Equal("earlier", File.ReadAllText(earlier));
        Assert.Equal(["adoption-by-mechanism.png"], Directory.GetFiles(outFolder).Select(Path.GetFileName));
    }

    [Fact]
    public void Demo_UnwritableOut_FailsBeforeAnythingIsPrinted()
    {
        string file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "x");
        foreach (string target in (string[])[Path.Combine(file, "out"), file, .. Directory.Exists("/proc") ? ["/proc/nope"] : Array.Empty<string>()])
        {
            (int code, string output, string error) = CliHarness.Run(120, "demo", "--out", target);
            Assert.Equal(CliApp.ExitBadInput, code);
            Assert.Equal("", output);
            Assert.StartsWith("error: --out '", error, StringComparison.Ordinal);
            Assert.Single(error.Trim().Split('\n'));
        }
    }

    [Theory]
    [InlineData("channels", "--input", "docs/examples/channels.json", "--budget", "40000")]
    [InlineData("budget", "--input", "docs/examples/budget-plan.json", "--simulations", "20")]
    [InlineData("community")]
    public void UnwritableChart_FailsBeforeAnythingIsPrinted(params string[] args)
    {
        string file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "x");
        string folderChart = Path.Combine(_folder, "chart.png");
        Directory.CreateDirectory(folderChart);
        foreach (string chart in (string[])[Path.Combine(file, "chart.png"), folderChart])
        {
            string[] full = [.. args.Select(a => a.StartsWith("docs/", StringComparison.Ordinal) ? Path.Combine(SharedData.RepositoryRoot, a) : a), "--chart", chart];
            (int code, string output, string error) = CliHarness.Run(120, full);
            Assert.Equal(CliApp.ExitBadInput, code);
            Assert.Equal("", output);
            Assert.StartsWith("error: --chart '", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Chart_IsWrittenUnderATemporaryName_ThenRenamed_LeavingNoTemporaryFile()
    {
        string chart = Path.Combine(_folder, "roi.png");
        File.WriteAllText(chart, "earlier");

        (int code, _, _) = CliHarness.Run(120, "community", "--format", "csv", "--chart", chart);

        Assert.Equal(CliApp.ExitOk, code);
        Assert.NotEqual("earlier", File.ReadAllText(chart));
        Assert.Equal(["roi.png"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void OutputFiles_NotCommitted_LeaveTheTargetAsItWas_AndNoTemporaryFile()
    {
        string target = Path.Combine(_folder, "report.md");
        File.WriteAllText(target, "earlier");
        using (var outputs = new OutputFiles())
        {
            File.WriteAllText(outputs.Stage(target), "half");
        }

        Assert.Equal("earlier", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_folder));

        using (var outputs = new OutputFiles())
        {
            File.WriteAllText(outputs.Stage(target), "new");
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            Assert.Throws<OperationCanceledException>(() => outputs.Commit(cancelled.Token));
        }

        Assert.Equal("earlier", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_folder));

        using (var outputs = new OutputFiles())
        {
            string temporary = outputs.Stage(target);
            Assert.StartsWith(".report.", Path.GetFileName(temporary), StringComparison.Ordinal);
            Assert.Equal(".md", Path.GetExtension(temporary));
            Assert.Equal(_folder, Path.GetDirectoryName(temporary));
            File.WriteAllText(temporary, "new");
            outputs.Commit(CancellationToken.None);
        }

        Assert.Equal("new", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_folder));
    }

    [Fact]
    public void CancelledToken_ExitsWith130_Cancelled_AndWritesNoReport()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        string outFolder = Path.Combine(_folder, "out");
        var error = new StringWriter();

        int code = CliApp.Run(["demo", "--consumers", "200", "--simulations", "2", "--out", outFolder], CliHarness.PlainConsole(new StringWriter()), error, cancelled.Token);

        Assert.Equal(CliApp.ExitCancelled, code);
        Assert.Equal("Cancelled.", error.ToString().Trim());
        Assert.Empty(Directory.Exists(outFolder) ? Directory.GetFileSystemEntries(outFolder) : []);
    }

    /// <summary>
    /// A real process and a real signal: the built CLI runs a long demo, gets SIGINT (or SIGTERM) once it has started,
    /// and must print "Cancelled.", exit 130 and leave no file in --out. Generous timeouts: the machine may be loaded.
    /// </summary>
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Signal_CancelsTheRunningCommand_Exit130_NoPartialFiles(string signal)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX signals");
        string cli = CliPath();
        string outFolder = Path.Combine(_folder, "out-" + signal);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])[cli, "demo", "--simulations", "1000000", "--out", outFolder])
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        try
        {
            // The banner is printed after the signal handlers are registered and the output folder is checked.
            CancellationToken token = TestContext.Current.CancellationToken;
            string? banner = await process.StandardOutput.ReadLineAsync(token).AsTask().WaitAsync(TimeSpan.FromSeconds(60), token);
            Assert.NotNull(banner);
            Task<string> rest = process.StandardOutput.ReadToEndAsync(token);
            Task<string> error = process.StandardError.ReadToEndAsync(token);
            await Task.Delay(500, token);
            using (Process kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(token);
            }

            await process.WaitForExitAsync(token).WaitAsync(TimeSpan.FromSeconds(30), token);
            Assert.Equal(CliApp.ExitCancelled, process.ExitCode);
            Assert.Contains("Cancelled.", await error, StringComparison.Ordinal);
            Assert.DoesNotContain("report:", await rest, StringComparison.Ordinal);
            Assert.Empty(Directory.Exists(outFolder) ? Directory.GetFileSystemEntries(outFolder) : []);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The built CLI (influence.dll): beside the tests, or in the CLI project's bin folder.</summary>
    internal static string CliPath()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "influence.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "influence.runtimeconfig.json")))
        {
            return beside;
        }

        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string built = Path.Combine(SharedData.RepositoryRoot, "src", "InfluenceModel.Cli", "bin", configuration, "net10.0", "influence.dll");
        Assert.True(File.Exists(built), $"the CLI is not built: {built}");
        return built;
    }
}
