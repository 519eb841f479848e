using System.ComponentModel;
using System.Net;
using InfluenceModel.Orleans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands.Cluster;

/// <summary>
/// `influence cluster silo --port P --gateway-port G [--primary HOST:P1]`: one Orleans silo hosting InfluenceModel's
/// grains on loopback (development clustering: the first silo without --primary, the others pointing at it), running
/// until Ctrl+C or SIGTERM.
/// </summary>
internal sealed class ClusterSiloCommand(IAnsiConsole console) : Command<ClusterSiloCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--port <P>")]
        [Description("The silo-to-silo port, 1 to 65535.")]
        public int? Port { get; init; }

        [CommandOption("--gateway-port <G>")]
        [Description("The port clients connect to (seeds --cluster HOST:G), 1 to 65535.")]
        public int? GatewayPort { get; init; }

        [CommandOption("--primary <HOST:P1>")]
        [Description("The silo port of the first silo, for every silo but the first.")]
        public string? Primary { get; init; }

        public override ValidationResult Validate()
        {
            string? error = Port is not (>= 1 and <= 65535) ? $"--port must be 1 to 65535; it was {(Port is null ? "missing" : Port)}."
                : GatewayPort is not (>= 1 and <= 65535) ? $"--gateway-port must be 1 to 65535; it was {(GatewayPort is null ? "missing" : GatewayPort)}."
                : GatewayPort == Port ? "--port and --gateway-port must differ."
                : null;
            return error is null ? ValidationResult.Success() : ValidationResult.Error(error);
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IPEndPoint? primary = settings.Primary is null ? null : ClusterAddress.Parse(settings.Primary, "--primary");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(settings.Port!.Value, settings.GatewayPort!.Value, primary, ClusterAddress.ServiceId, ClusterAddress.ClusterId);
            silo.AddInfluenceModel();
        });
        using IHost host = builder.Build();
        try
        {
            host.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CliInputException($"The silo could not start on port {settings.Port} / gateway {settings.GatewayPort}: {ex.GetBaseException().Message}");
        }

        console.Profile.Out.Writer.WriteLine($"silo up: port {settings.Port}, gateway {settings.GatewayPort}{(primary is null ? " (primary)" : $", primary {primary}")}; Ctrl+C stops it.");
        console.Profile.Out.Writer.Flush();
        try
        {
            Task.Delay(Timeout.Infinite, cancellationToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: leave the cluster cleanly (its partitions move to the other silos).
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        host.StopAsync(stop.Token).GetAwaiter().GetResult();
        return CliApp.ExitOk;
    }
}
