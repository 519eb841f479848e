using System.Net;
using InfluenceModel.Diffusion;
using InfluenceModel.Networks;
using InfluenceModel.Orleans;
using InfluenceModel.Seeding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace InfluenceModel.Cli.Commands.Cluster;

/// <summary>
/// `seeds --cluster HOST:G` and `spread --cluster HOST:G`: the same request as the local command, run by the
/// InfluenceModel.Orleans façades on the cluster whose gateway is HOST:G. Same seed ⇒ the same answer as locally.
/// </summary>
internal static class ClusterRunner
{
    /// <summary>How long a client waits for the gateway before saying no cluster answers.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    public static SeedSelection Select(string cluster, ClusterInput input, SeedingRequest request, SimulationOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken) =>
        Run(cluster, client =>
            new ClusterInfluenceMaximizer(client, Source(input, request.Graph)).Select(request, options, progress, cancellationToken), cancellationToken);

    public static SpreadEstimate Estimate(string cluster, ClusterInput input, SpreadRequest request, SimulationOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken) =>
        Run(cluster, client =>
            new ClusterSpreadEstimator(client, Source(input, request.Graph)).Estimate(request, options, progress, cancellationToken), cancellationToken);

    private static T Run<T>(string cluster, Func<IClusterClient, T> work, CancellationToken cancellationToken)
    {
        IPEndPoint gateway = ClusterAddress.Parse(cluster, "--cluster");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(gateway);
            client.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = ClusterAddress.ServiceId;
                o.ClusterId = ClusterAddress.ClusterId;
            });
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        });
        using IHost host = builder.Build();
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connect.CancelAfter(ConnectTimeout);
            try
            {
                host.StartAsync(connect.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliInputException($"No cluster answers at {ErrorText.Escape(cluster)} within {ConnectTimeout.TotalSeconds:N0} s (start one with 'influence cluster silo --port P --gateway-port G'): {ErrorText.Clean(ex.GetBaseException().Message)}");
            }
        }

        try
        {
            return work(host.Services.GetRequiredService<IClusterClient>());
        }
        finally
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                host.StopAsync(stop.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // The answer is in; a slow disconnect does not change it.
            }
        }
    }

    /// <summary>
    /// Where the silos read the graph: the silos load a file as it is stored, so the file must hold the arcs with the
    /// request's probabilities. A graph file asked for with its own weights is used as it is; otherwise the client
    /// writes the graph with its probabilities once, beside the other temporary files, under a name derived from the
    /// input file (path, size, time) and the convention, so later runs and the silos' graph cache reuse it. The silos
    /// must see the same path (one machine, or a shared folder); the run checks that their graph is this one.
    /// </summary>
    private static ClusterGraph Source(ClusterInput input, SocialGraph graph)
    {
        string full = Path.GetFullPath(input.Path);
        if (input.GivenWeights && SocialGraph.IsBinaryFile(full))
        {
            return new ClusterGraph(full);
        }

        var info = new FileInfo(full);
        string key = $"{full}|{info.Length}|{info.LastWriteTimeUtc.Ticks}|{input.Convention}|{input.Undirected}";
        ulong hash = Internal.Checksum64.Compute(System.Text.Encoding.UTF8.GetBytes(key));
        string derived = Path.Combine(Path.GetTempPath(), $"influence-cluster-{hash:x16}.imgraph");
        if (!File.Exists(derived))
        {
            graph.SaveBinary(derived);
        }

        return new ClusterGraph(derived);
    }
}

/// <summary>The local command's graph argument, as the cluster needs it.</summary>
/// <param name="Path">The --graph file.</param>
/// <param name="Convention">The --probability convention's name.</param>
/// <param name="GivenWeights">Whether the convention is the file's own weights.</param>
/// <param name="Undirected">--undirected.</param>
internal sealed record ClusterInput(string Path, string Convention, bool GivenWeights, bool Undirected)
{
    /// <summary>The input of a command given --graph, --probability and --undirected.</summary>
    public static ClusterInput Of(string path, EdgeProbabilities convention, bool undirected) =>
        new(path, convention.Name, ReferenceEquals(convention, EdgeProbabilities.FromWeights), undirected);
}
