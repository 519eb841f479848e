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
    /// <summary>How long a client waits for the gateway's port to accept a connection before saying no cluster answers.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the Orleans client may then take to join (JIT, handshake, cluster manifest): minutes on a loaded machine,
    /// so it is longer than <see cref="ConnectTimeout"/>, which already told an absent cluster apart.
    /// </summary>
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Selects on the cluster; <paramref name="report"/> receives the run's figures (bytes, RR sets per silo) when it used RR sets.</summary>
    public static SeedSelection Select(string cluster, ClusterInput input, SeedingRequest request, SimulationOptions options, IProgress<ProgressReport>? progress, Action<ClusterReport> report, CancellationToken cancellationToken) =>
        Run(cluster, client =>
        {
            var maximizer = new ClusterInfluenceMaximizer(client, Source(input));
            SeedSelection selection = maximizer.Select(request, options, progress, cancellationToken);
            if (maximizer.LastStatistics is { } s)
            {
                report(new ClusterReport
                {
                    Partitions = s.Partitions,
                    Collections = s.Collections,
                    CoverageStarts = s.CoverageStarts,
                    CoverageStartBytes = s.CoverageStartBytes,
                    GreedyRounds = s.GreedyRounds,
                    GreedyBytes = s.GreedyBytes,
                    BytesPerGreedyRound = s.BytesPerGreedyRound,
                    MaxGreedyRoundBytes = s.MaxGreedyRoundBytes,
                    CountCoveredBytes = s.CountCoveredBytes,
                    Silos = [.. s.Silos.Select(x => new ClusterReport.SiloReport(x.Silo, x.Partitions, x.Sets, x.Entries, x.Bytes))],
                });
            }

            return selection;
        }, cancellationToken);

    public static SpreadEstimate Estimate(string cluster, ClusterInput input, SpreadRequest request, SimulationOptions options, IProgress<ProgressReport>? progress, CancellationToken cancellationToken) =>
        Run(cluster, client =>
            new ClusterSpreadEstimator(client, Source(input)).Estimate(request, options, progress, cancellationToken), cancellationToken);

    private static T Run<T>(string cluster, Func<IClusterClient, T> work, CancellationToken cancellationToken)
    {
        IPEndPoint gateway = ClusterAddress.Parse(cluster, "--cluster");
        Probe(cluster, gateway, cancellationToken);
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
            connect.CancelAfter(JoinTimeout);
            try
            {
                host.StartAsync(connect.Token).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CliInputException($"No cluster answers at {ErrorText.Escape(cluster)} within {JoinTimeout.TotalSeconds:N0} s (start one with 'influence cluster silo --port P --gateway-port G'): {ErrorText.Clean(ex.GetBaseException().Message)}");
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

    /// <summary>A TCP connection to the gateway within <see cref="ConnectTimeout"/>, or the one-line "no cluster" error.</summary>
    private static void Probe(string cluster, IPEndPoint gateway, CancellationToken cancellationToken)
    {
        using var socket = new System.Net.Sockets.Socket(gateway.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            socket.ConnectAsync(gateway, timeout.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is System.Net.Sockets.SocketException or OperationCanceledException)
        {
            throw new CliInputException($"No cluster answers at {ErrorText.Escape(cluster)} within {ConnectTimeout.TotalSeconds:N0} s (start one with 'influence cluster silo --port P --gateway-port G'): {ErrorText.Clean(ex.Message)}");
        }
    }

    /// <summary>
    /// Where the silos read the graph: the file the user named, at its full path, with the same read options and
    /// probability convention as the client; each silo applies the convention itself on load (the weighted cascade from
    /// the stored in-degrees, for example), so nothing is written. The silos must see the same path (one machine, or a
    /// shared folder); the run checks that their graph is the client's (nodes, arcs, checksum of arrays and weights).
    /// </summary>
    internal static ClusterGraph Source(ClusterInput input) =>
        new(Path.GetFullPath(input.Path), new EdgeListOptions { Undirected = input.Undirected }, input.Convention);
}

/// <summary>The local command's graph argument, as the cluster needs it.</summary>
/// <param name="Path">The --graph file.</param>
/// <param name="Convention">The --probability convention.</param>
/// <param name="Undirected">--undirected.</param>
internal sealed record ClusterInput(string Path, EdgeProbabilities Convention, bool Undirected)
{
    /// <summary>The input of a command given --graph, --probability and --undirected.</summary>
    public static ClusterInput Of(string path, EdgeProbabilities convention, bool undirected) => new(path, convention, undirected);
}
