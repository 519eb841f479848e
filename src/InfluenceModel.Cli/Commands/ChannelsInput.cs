using System.Text.Json;
using System.Text.Json.Serialization;
using InfluenceModel.Channels;

namespace InfluenceModel.Cli.Commands;

/// <summary>The JSON input of `influence channels` (camelCase, unknown properties rejected).</summary>
internal sealed class ChannelsInput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    [JsonPropertyName("segments")]
    public List<SegmentDto> SegmentList { get; init; } = [];

    public List<ChannelDto> Channels { get; init; } = [];

    public string Objective { get; init; } = "reach";

    public List<string> Required { get; init; } = [];

    public List<string> Excluded { get; init; } = [];

    public static ChannelsInput Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Input file not found: {path}", path);
        }

        using FileStream stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<ChannelsInput>(stream, Options) ?? throw new CliInputException($"{path} holds no channels input.");
    }

    public AudienceOverlap Segments() =>
        SegmentList.Count == 0
            ? throw new CliInputException("The input needs at least one segment: \"segments\": [{\"name\": ..., \"size\": ...}].")
            : new AudienceOverlap(SegmentList.Select(s => s.Size).ToArray());

    public SelectionObjective ParseObjective(string? overrideValue) => (overrideValue ?? Objective).ToUpperInvariant() switch
    {
        "REACH" => SelectionObjective.Reach,
        "RESPONSE" => SelectionObjective.Response,
        _ => throw new CliInputException($"objective must be reach or response; it was '{overrideValue ?? Objective}'."),
    };

    public List<Channel> BuildChannels()
    {
        if (Channels.Count == 0)
        {
            throw new CliInputException("The input has no channels.");
        }

        var list = new List<Channel>();
        foreach (ChannelDto c in Channels)
        {
            try
            {
                list.Add(new Channel(c.Name ?? "", c.Audience, c.FixedCost, c.Curve?.Build() ?? throw new CliInputException($"channel '{c.Name}' has no curve.")));
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException($"channel '{c.Name}': {ex.Message.ReplaceLineEndings(" ")}");
            }
        }

        return list;
    }

    internal sealed class SegmentDto
    {
        public string? Name { get; init; }

        public double Size { get; init; }
    }

    internal sealed class ChannelDto
    {
        public string? Name { get; init; }

        public double FixedCost { get; init; }

        public List<double> Audience { get; init; } = [];

        public CurveDto? Curve { get; init; }
    }

    internal sealed class CurveDto
    {
        public string? Kind { get; init; }

        public double? Beta { get; init; }

        public double? Kappa { get; init; }

        public double? Slope { get; init; }

        public double? Alpha { get; init; }

        public double? Lambda { get; init; }

        public IResponseCurve Build() => Kind?.ToUpperInvariant() switch
        {
            "HILL" => new HillCurve(Need(Beta, "beta"), Need(Kappa, "kappa"), Slope ?? 1),
            "LOGISTIC" => new LogisticCurve(Need(Beta, "beta"), Need(Lambda, "lambda")),
            "MICHAELISMENTEN" => new MichaelisMentenCurve(Need(Alpha, "alpha"), Need(Lambda, "lambda")),
            _ => throw new CliInputException($"curve kind must be hill, logistic or michaelisMenten; it was '{Kind}'."),
        };

        private double Need(double? value, string name) =>
            value ?? throw new CliInputException($"a {Kind} curve needs \"{name}\".");
    }
}
