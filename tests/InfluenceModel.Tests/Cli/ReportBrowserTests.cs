using System.Diagnostics;
using System.Text.RegularExpressions;
using InfluenceModel.Campaigns;
using InfluenceModel.Cli;
using SkiaSharp;

namespace InfluenceModel.Tests.Cli;

/// <summary>
/// report.html in a real browser: headless Chromium loads it, every image must load (naturalWidth &gt; 0) and the page
/// must not be blank. The report and the screenshot stay in TestResults/report-html under the test's output folder
/// (a CI artifact). Skipped when Chromium is absent locally; fails under CI=true, where .ci/run installs it.
/// </summary>
public sealed partial class ReportBrowserTests
{
    /// <summary>Where the report, the checked copy and the screenshot are kept.</summary>
    private static readonly string OutputFolder = Path.Combine(AppContext.BaseDirectory, "TestResults", "report-html");

    [Fact]
    public void ReportHtml_InHeadlessChromium_LoadsEveryImage_AndIsNotBlank()
    {
        // Two to three browser runs on a 12-period report: about 5-10 s on a loaded 2-core machine.
        string chromium = Chromium();
        if (Directory.Exists(OutputFolder))
        {
            Directory.Delete(OutputFolder, recursive: true);
        }

        CampaignScenario scenario = Campaigns.CampaignSimulatorTests.Small(300);
        Campaign campaign = scenario.Build();
        CampaignResult result = CampaignSimulator.Simulate(campaign, new SimulationOptions { Simulations = 3, Seed = 9 });
        string html;
        using (var outputs = new OutputFiles())
        {
            (_, html) = CampaignReport.Write(campaign, result, OutputFolder, outputs, CancellationToken.None);
            outputs.Commit(CancellationToken.None);
        }

        int images = ImageTag().Count(File.ReadAllText(html));
        Assert.Equal(5, images);

        // A copy of the page with a script that reports each image's natural width once the page has loaded, and a
        // control image that does not exist (it must report 0, or the check could not fail).
        string check = Path.Combine(OutputFolder, "report-check.html");
        File.WriteAllText(check, File.ReadAllText(html).Replace("</body>", CheckScript + "</body>", StringComparison.Ordinal));
        string dom = RunChromium(chromium, "--dump-dom", "--virtual-time-budget=10000", new Uri(check).AbsoluteUri);
        Match report = CheckResult().Match(dom);
        Assert.True(report.Success, "the check script did not run; DOM starts: " + dom[..Math.Min(500, dom.Length)]);
        string[] widths = report.Groups["widths"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(images + 1, widths.Length);
        foreach (string entry in widths.Where(w => !w.StartsWith("missing-control.png=", StringComparison.Ordinal)))
        {
            Assert.True(int.Parse(entry[(entry.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture) > 0, "image did not load: " + entry);
        }

        Assert.Contains("missing-control.png=0", widths);
        Assert.True(int.Parse(report.Groups["text"].Value, System.Globalization.CultureInfo.InvariantCulture) > 1000, "the page shows almost no text");

        string screenshot = Path.Combine(OutputFolder, "report-screenshot.png");
        RunChromium(chromium, "--hide-scrollbars", "--window-size=1100,3000", "--virtual-time-budget=10000", "--screenshot=" + screenshot, new Uri(html).AbsoluteUri);
        Assert.True(File.Exists(screenshot), "Chromium wrote no screenshot");
        using SKBitmap bitmap = SKBitmap.Decode(screenshot);
        Assert.True(NonWhiteShare(bitmap) > 0.02, "the screenshot is (nearly) blank");
    }

    private const string CheckScript = """
        <img src="missing-control.png" alt="control">
        <script>
        window.addEventListener('load', function () {
          var list = Array.prototype.map.call(document.images, function (i) { return i.getAttribute('src') + '=' + (i.complete ? i.naturalWidth : 0); });
          var out = document.createElement('pre');
          out.textContent = 'IMAGECHECK[' + list.join(' ') + '] TEXT[' + document.body.innerText.length + ']';
          document.body.appendChild(out);
        });
        </script>
        """;

    private static double NonWhiteShare(SKBitmap bitmap)
    {
        long inked = 0, total = 0;
        for (int y = 0; y < bitmap.Height; y += 4)
        {
            for (int x = 0; x < bitmap.Width; x += 4)
            {
                SKColor c = bitmap.GetPixel(x, y);
                total++;
                inked += c.Red < 200 || c.Green < 200 || c.Blue < 200 ? 1 : 0;
            }
        }

        return (double)inked / total;
    }

    private static string Chromium()
    {
        foreach (string name in (string[])["chromium", "chromium-browser", "google-chrome"])
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                string path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        const string message = "Chromium not found on PATH (Debian: apt-get install -y chromium); the report.html browser test needs it.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " Under CI=true .ci/run installs it, so its absence is a failure.");
        }

        Assert.Skip(message);
        return "";
    }

    private static string RunChromium(string chromium, params string[] args)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        foreach (string a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", .. args])
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + chromium);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        Task<string> stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 120 s");
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    [GeneratedRegex("<img ")]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"IMAGECHECK\[(?<widths>[^\]]*)\] TEXT\[(?<text>\d+)\]")]
    private static partial Regex CheckResult();
}
