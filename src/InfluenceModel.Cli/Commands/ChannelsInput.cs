using System.Text.Json;
using System.Text.Json.Serialization;
using InfluenceModel.Campaigns;
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
        TypeInfoResolver = CliJsonContext.Default,
    };

    [JsonPropertyName("segments")]
    public List<SegmentDto> SegmentList { get; init; } = [];

    public List<ChannelDto> Channels { get; init; } = [];

    public string Objective { get; init; } = "reach";

    public List<string> Required { get; init; } = [];

    public List<string> Excluded { get; init; } = [];

    /// <summary>Reads the input file with the shared JSON reader: every problem is one line with its JSON path.</summary>
    public static ChannelsInput Read(string path) => InputFile.Read<ChannelsInput>(path, "--input", Options);

    /// <summary>The selection request; every domain failure is reported at its JSON path (or at the option that set it).</summary>
    public SelectionRequest ToRequest(string path, double budget, int maxChannels, string? objectiveOption)
    {
        var problems = new List<string>();
        if (SegmentList.Count == 0)
        {
            problems.Add($"{path}: $.segments needs at least one segment: [{{\"name\": …, \"size\": …}}]");
        }

        if (Channels.Count == 0)
        {
            problems.Add($"{path}: $.channels needs at least one channel");
        }

        SelectionObjective? objective = (objectiveOption ?? Objective).ToUpperInvariant() switch
        {
            "REACH" => SelectionObjective.Reach,
            "RESPONSE" => SelectionObjective.Response,
            _ => null,
        };
        if (objective is null)
        {
            problems.Add(objectiveOption is null
                ? $"{path}: $.objective must be reach or response; it was \"{Objective}\""
                : $"--objective must be reach or response; it was '{objectiveOption}'");
        }

        AudienceOverlap? segments = null;
        try
        {
            segments = SegmentList.Count == 0 ? null : new AudienceOverlap(SegmentList.Select(s => s.Size).ToArray());
        }
        catch (ArgumentException ex)
        {
            problems.Add($"{path}: $.segments {ScenarioProblems.MessageOf(ex)}");
        }

        var channels = new List<Channel>();
        for (int i = 0; i < Channels.Count; i++)
        {
            ChannelDto c = Channels[i];
            string at = $"$.channels[{i}]";
            try
            {
                IResponseCurve? curve = c.Curve?.Build(at + ".curve");
                if (curve is null)
                {
                    problems.Add($"{path}: {at}.curve is required: {{\"kind\": \"hill\" | \"logistic\" | \"michaelisMenten\", …}}");
                    continue;
                }

                channels.Add(new Channel(c.Name ?? "", c.Audience, c.FixedCost, curve));
            }
            catch (CliInputException ex)
            {
                problems.Add($"{path}: {ex.Message}");
            }
            catch (ArgumentException ex)
            {
                problems.Add($"{path}: {ScenarioProblems.PathOf(at, ex.ParamName)} {ScenarioProblems.MessageOf(ex)}");
            }
        }

        if (problems.Count > 0)
        {
            throw new CliInputException(problems);
        }

        try
        {
            return new SelectionRequest
            {
                Channels = channels,
                Budget = budget,
                MaxChannels = maxChannels,
                Objective = objective!.Value,
                Required = Required,
                Excluded = Excluded,
                Segments = segments,
            };
        }
        catch (ArgumentException ex)
        {
            string where = ex.ParamName switch
            {
                "Required" => "$.required",
                "Excluded" => "$.excluded",
                "Budget" => "--budget",
                "MaxChannels" => "--max-channels",
                _ => "$.channels",
            };
            throw new CliInputException($"{(where.StartsWith('$') ? path + ": " : "")}{where} {ScenarioProblems.MessageOf(ex)}");
        }
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

        /// <summary>The curve; a missing parameter or a value its constructor rejects is reported at <paramref name="at"/>.</summary>
        public IResponseCurve Build(string at)
        {
            try
            {
                return Kind?.ToUpperInvariant() switch
                {
                    "HILL" => new HillCurve(Need(Beta, "beta", at), Need(Kappa, "kappa", at), Slope ?? 1),
                    "LOGISTIC" => new LogisticCurve(Need(Beta, "beta", at), Need(Lambda, "lambda", at)),
                    "MICHAELISMENTEN" => new MichaelisMentenCurve(Need(Alpha, "alpha", at), Need(Lambda, "lambda", at)),
                    _ => throw new CliInputException($"{at}.kind must be \"hill\", \"logistic\" or \"michaelisMenten\"; it was {(Kind is null ? "missing" : JsonSerializer.Serialize(Kind, CliJsonContext.Default.String))}"),
                };
            }
            catch (ArgumentException ex)
            {
                throw new CliInputException($"{ScenarioProblems.PathOf(at, ex.ParamName)} {ScenarioProblems.MessageOf(ex)}");
            }
        }

        private double Need(double? value, string name, string at) =>
            value ?? throw new CliInputException($"{at}.{name} is required for a {Kind} curve");
    }
}
