using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using InfluenceModel.Cli;
using InfluenceModel.Networks;

namespace InfluenceModel.Tests.Cli;

/// <summary>
/// `influence cluster silo` twice on loopback (two child processes, free ports), then `seeds --cluster` and
/// `spread --cluster` in this process: the same output as the local commands; no cluster ⇒ a one-line error, exit 2.
/// </summary>
public sealed class ClusterCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("influence-cluster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TwoSiloLoopbackCluster_GivesTheLocalOutput()
    {
        string graph = Path.Combine(_folder, "ba.txt");
        var ba = GraphGenerators.BarabasiAlbert(400, 3, seed: 5);
        await File.WriteAllLinesAsync(graph, Enumerable.Range(0, ba.NodeCount).SelectMany(u => ba.OutNeighbors(u).ToArray().Select(v => $"{u} {v}")), TestContext.Current.CancellationToken);
        int[] ports = FreePorts(4);
        var silos = new List<Process>();
        try
        {
            silos.Add(await StartSilo(ports[0], ports[1], null));
            silos.Add(await StartSilo(ports[2], ports[3], $"127.0.0.1:{ports[0]}"));
            string cluster = $"127.0.0.1:{ports[1]}";

            string[] tempBefore = TempGraphCopies();
            string[] seeds = ["seeds", "--graph", graph, "--count", "5", "--epsilon", "0.3", "--seed", "3", "--format", "json"];
            var local = CliHarness.Run(200, seeds);
            var remote = CliHarness.Run(200, [.. seeds, "--cluster", cluster]);
            Assert.True(remote.Code == CliApp.ExitOk, remote.Error);
            Assert.Equal(WithoutTime(local.Output), WithoutTime(remote.Output));
            AssertClusterFigures(remote.Output, nodes: ba.NodeCount, silos: 2);

            // Another convention: the silos apply it to the edge list themselves, and the client writes no weighted copy.
            string[] trivalency = [.. seeds, "--probability", "trivalency"];
            local = CliHarness.Run(200, trivalency);
            remote = CliHarness.Run(200, [.. trivalency, "--cluster", cluster]);
            Assert.True(remote.Code == CliApp.ExitOk, remote.Error);
            Assert.Equal(WithoutTime(local.Output), WithoutTime(remote.Output));
            Assert.Equal(tempBefore, TempGraphCopies());

            string[] spread = ["spread", "--graph", graph, "--seed-nodes", "0,1,2", "--simulations", "2000", "--seed", "4", "--format", "json"];
            local = CliHarness.Run(200, spread);
            remote = CliHarness.Run(200, [.. spread, "--cluster", cluster]);
            Assert.True(remote.Code == CliApp.ExitOk, remote.Error);
            Assert.Equal(WithoutTime(local.Output), WithoutTime(remote.Output));
        }
        finally
        {
            foreach (Process silo in silos)
            {
                if (!silo.HasExited)
                {
                    silo.Kill(entireProcessTree: true);
                }

                silo.Dispose();
            }
        }
    }

    [Fact]
    public void NoClusterAnswers_IsAOneLineError_WithExitTwo()
    {
        string graph = Path.Combine(_folder, "g.txt");
        File.WriteAllText(graph, "1 2\n2 3\n");
        int port = FreePorts(1)[0];
        var clock = Stopwatch.StartNew();
        var (code, _, error) = CliHarness.Run(200, "seeds", "--graph", graph, "--count", "1", "--cluster", $"127.0.0.1:{port}");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("No cluster answers at 127.0.0.1:", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"took {clock.Elapsed}");

        (code, _, error) = CliHarness.Run(200, "spread", "--graph", graph, "--seed-nodes", "1", "--cluster", "nowhere");
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains("--cluster must be HOST:PORT", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "0", "--port must be 1 to 65535")]
    [InlineData("--gateway-port", "70000", "--gateway-port must be 1 to 65535")]
    [InlineData("--gateway-port", "11111", "must differ")]
    public void SiloBadPorts_AreOneLineErrors(string option, string value, string message)
    {
        var args = new List<string> { "cluster", "silo", "--port", "11111", "--gateway-port", "30000" };
        args[args.IndexOf(option) + 1] = value;
        var (code, _, error) = CliHarness.Run(200, [.. args]);
        Assert.Equal(CliApp.ExitBadInput, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    /// <summary>The JSON report without its elapsed time and the cluster's own figures (the only fields that may differ).</summary>
    private static string WithoutTime(string json)
    {
        using var document = JsonDocument.Parse(json);
        return string.Join("\n", document.RootElement.EnumerateObject().Where(p => p.Name is not ("elapsedSeconds" or "cluster")).Select(p => $"{p.Name}={p.Value}"));
    }

    /// <summary>The "cluster" object of a `seeds --cluster` report: one partition per silo, 4 + 4n bytes per partition per coverage start, RR sets on every silo.</summary>
    private static void AssertClusterFigures(string json, int nodes, int silos)
    {
        using var document = JsonDocument.Parse(json);
        JsonElement c = document.RootElement.GetProperty("cluster");
        Assert.Equal(silos, c.GetProperty("partitions").GetInt32());
        int starts = c.GetProperty("coverageStarts").GetInt32();
        Assert.True(starts > 0);
        Assert.Equal((long)starts * silos * (4 + (4L * nodes)), c.GetProperty("coverageStartBytes").GetInt64());
        Assert.True(c.GetProperty("greedyRounds").GetInt32() >= starts);
        Assert.True(c.GetProperty("bytesPerGreedyRound").GetDouble() >= 8 * silos);
        JsonElement[] perSilo = [.. c.GetProperty("silos").EnumerateArray()];
        Assert.Equal(silos, perSilo.Length);
        Assert.All(perSilo, s => Assert.True(s.GetProperty("rrSetBytes").GetInt64() > 0));
    }

    /// <summary>Graph copies the client of an earlier version wrote to the temporary folder (none may appear now).</summary>
    private static string[] TempGraphCopies() =>
        [.. Directory.EnumerateFiles(Path.GetTempPath(), "influence-cluster-*.imgraph").Order(StringComparer.Ordinal)];

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        int[] ports = [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    private static async Task<Process> StartSilo(int port, int gateway, string? primary)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] args = [OutputSafetyTests.CliPath(), "cluster", "silo", "--port", $"{port}", "--gateway-port", $"{gateway}"];
        foreach (string arg in primary is null ? args : [.. args, "--primary", primary])
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start)!;
        CancellationToken token = TestContext.Current.CancellationToken;
        string? banner = await process.StandardOutput.ReadLineAsync(token).AsTask().WaitAsync(TimeSpan.FromSeconds(60), token);
        Assert.True(banner?.StartsWith("silo up", StringComparison.Ordinal) == true, $"silo did not start: {banner} {(process.HasExited ? await process.StandardError.ReadToEndAsync(token) : "")}");
        return process;
    }
}
