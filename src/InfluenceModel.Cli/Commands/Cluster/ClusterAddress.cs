using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace InfluenceModel.Cli.Commands.Cluster;

/// <summary>HOST:PORT arguments of the cluster commands, and the cluster's fixed ids.</summary>
internal static class ClusterAddress
{
    /// <summary>The Orleans service id every `influence cluster silo` and client uses.</summary>
    public const string ServiceId = "influence";

    /// <summary>The Orleans cluster id every `influence cluster silo` and client uses.</summary>
    public const string ClusterId = "influence";

    /// <summary>HOST:PORT (HOST a name or an IP address) as an endpoint; a one-line CLI error naming <paramref name="option"/> otherwise.</summary>
    public static IPEndPoint Parse(string text, string option)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new CliInputException($"{option} must be HOST:PORT with PORT 1 to 65535; it was '{ErrorText.Escape(text)}'.");
        }

        string host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out IPAddress? address))
        {
            return new IPEndPoint(address, port);
        }

        try
        {
            IPAddress[] addresses = Dns.GetHostAddresses(host);
            IPAddress? chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
            return chosen is not null
                ? new IPEndPoint(chosen, port)
                : throw new CliInputException($"{option}: the host '{ErrorText.Escape(host)}' has no address.");
        }
        catch (SocketException ex)
        {
            throw new CliInputException($"{option}: the host '{ErrorText.Escape(host)}' cannot be resolved ({ex.Message}).");
        }
    }
}
