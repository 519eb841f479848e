using System.Text.Json;
using System.Text.Json.Nodes;
using InfluenceModel.Campaigns;
using InfluenceModel.Internal;

namespace InfluenceModel.Cli;

/// <summary>
/// Reads the CLI's JSON input files (scenario, channels, budget, community) with the library's one reader
/// configuration (<see cref="JsonInput"/>: 16 MiB cap before buffering, strict UTF-8, no duplicate keys, no lone
/// surrogates) and the scenario's checker (<see cref="ScenarioJson.Check(JsonNode?, Type, string, ScenarioProblems, JsonSerializerOptions)"/>:
/// unknown names, nulls, wrong kinds, enum values, domain guards), so every problem comes back as one line
/// "file: $.json.path what is wrong".
/// </summary>
internal static class InputFile
{
    /// <summary>The bytes of <paramref name="path"/>, at most <see cref="JsonInput.MaxBytes"/>; <paramref name="option"/> names it in errors.</summary>
    public static byte[] ReadBytes(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new CliInputException($"{option} '{path}' is a folder; give a JSON file.");
        }

        if (!File.Exists(path))
        {
            throw new CliInputException($"{option}: file '{path}' was not found.");
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            return JsonInput.ReadAll(stream);
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"{option} '{path}': {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{option} '{path}' cannot be read: {ex.Message}");
        }
    }

    /// <summary>The UTF-8 text of <paramref name="path"/> (at most <see cref="JsonInput.MaxBytes"/> bytes; invalid UTF-8 is refused).</summary>
    public static string ReadText(string path, string option)
    {
        byte[] bytes = ReadBytes(path, option);
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new CliInputException($"{option} '{path}' is not UTF-8 text (save it as UTF-8).");
        }
    }

    /// <summary>The document in <paramref name="path"/>: a JSON object, checked as described on the class.</summary>
    public static JsonObject ReadObject(string path, string option)
    {
        byte[] bytes = ReadBytes(path, option);
        JsonNode? node;
        try
        {
            node = JsonInput.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"{path}: {ex.Message}");
        }

        return node as JsonObject ?? throw new CliInputException($"{path}: $ must be a JSON object ({{ … }}); it was {JsonInput.Shown(node)}");
    }

    /// <summary>Reads <paramref name="path"/> as a <typeparamref name="T"/>; every problem is one line of the <see cref="CliInputException"/>.</summary>
    public static T Read<T>(string path, string option, JsonSerializerOptions options)
        where T : class
    {
        JsonObject node = ReadObject(path, option);
        CliJsonContext.RegisterDefaults();
        if (!options.IsReadOnly)
        {
            options.MakeReadOnly();
        }

        var problems = new ScenarioProblems();
        ScenarioJson.Check(node, typeof(T), "$", problems, options);
        if (problems.Items.Count > 0)
        {
            throw new CliInputException([.. problems.Items.Select(p => $"{path}: {p}")]);
        }

        try
        {
            return JsonDefaults.Deserialize<T>(node, options) ?? throw new CliInputException($"{path}: $ must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"{path}: {ex.Path ?? "$"} {ex.Message.Split(" Path:", 2)[0]}");
        }
        catch (ArgumentException ex)
        {
            throw new CliInputException($"{path}: {ScenarioProblems.PathOf("$", ex.ParamName)} {ScenarioProblems.MessageOf(ex)}");
        }
    }

    /// <summary>Reads a campaign scenario; every problem is one line "file: $.path what is wrong".</summary>
    public static CampaignScenario ReadScenario(string path, string option) => Scenario(path, option, (node, json) =>
    {
        // Validate first: it reports every problem (rules between the parts too), not only the first section's.
        IReadOnlyList<ScenarioProblem> problems = [.. MissingParts(node), .. CampaignScenario.Validate(json)];
        return problems.Count > 0 ? throw new ScenarioValidationException(problems) : CampaignScenario.Parse(json);
    });

    /// <summary>The problems of a scenario file (empty when it is valid); malformed files throw like <see cref="ReadScenario"/>.</summary>
    public static IReadOnlyList<ScenarioProblem> ValidateScenario(string path, string option) =>
        Scenario<IReadOnlyList<ScenarioProblem>>(path, option, (node, json) => [.. MissingParts(node), .. CampaignScenario.Validate(json)]);

    /// <summary>
    /// The top-level parts a campaign scenario file must spell out: every part of the built-in scenario
    /// (<c>influence run --print-default</c>) but its name. The library fills an omitted part with the source article's
    /// setting; a file for <c>validate</c> and <c>run</c> must not, so that <c>{}</c> is not taken for a full campaign.
    /// </summary>
    internal static readonly string[] RequiredParts = RequiredPartsOf(CampaignScenario.Default.ToJson());

    private static string[] RequiredPartsOf(string defaultJson)
    {
        using JsonDocument doc = JsonDocument.Parse(defaultJson);
        return [.. doc.RootElement.EnumerateObject().Select(p => p.Name).Where(name => name != "name")];
    }

    /// <summary>One problem per required part the file lacks.</summary>
    private static IEnumerable<ScenarioProblem> MissingParts(JsonObject node) =>
        RequiredParts.Where(part => !node.ContainsKey(part)).Select(part =>
            new ScenarioProblem($"$.{part}", "is missing: a campaign scenario spells out every part (influence run --print-default prints a complete one to start from)"));

    private static T Scenario<T>(string path, string option, Func<JsonObject, string, T> read)
    {
        // Read and check the bytes once with the shared reader; the library then parses the same text.
        JsonObject node = ReadObject(path, option);
        string json = node.ToJsonString();
        try
        {
            return read(node, json);
        }
        catch (JsonException ex)
        {
            throw new CliInputException($"{path}: {ex.Message}");
        }
        catch (ScenarioValidationException ex) when (ex.Problems.Count > 0)
        {
            throw new CliInputException([.. ex.Problems.Select(p => $"{path}: {p}")]);
        }
    }
}
