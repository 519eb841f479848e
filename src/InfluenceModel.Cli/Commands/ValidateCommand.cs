using System.ComponentModel;
using System.Text.Json;
using InfluenceModel.Campaigns;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>`influence validate scenario.json`: lists every problem with its JSON path; exit 2 when the scenario is invalid.</summary>
internal sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("The scenario JSON file (schema: docs/campaign-scenario.schema.json).")]
        public string Scenario { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string json = Read(settings.Scenario);
        IReadOnlyList<ScenarioProblem> problems = [.. MissingParts(json), .. WithPath(settings.Scenario, () => CampaignScenario.Validate(json))];
        if (problems.Count == 0)
        {
            CampaignScenario scenario = CampaignScenario.Parse(json);
            console.MarkupLineInterpolated($"{settings.Scenario}: valid ({scenario.Channels.Count} channels, {scenario.Phases.Sum(p => p.Periods)} periods, {scenario.Population.Consumers:N0} consumers).");
            return CliApp.ExitOk;
        }

        console.MarkupLineInterpolated($"{settings.Scenario}: {problems.Count} problem(s):");
        foreach (ScenarioProblem problem in problems)
        {
            console.WriteLine("  " + problem);
        }

        return CliApp.ExitBadInput;
    }

    /// <summary>Reads a scenario file; a missing file, malformed JSON or a value the domain rejects is bad input (one line, exit 2).</summary>
    public static CampaignScenario Load(string path)
    {
        string json = Read(path);
        if (MissingParts(json) is { Count: > 0 } missing)
        {
            IEnumerable<ScenarioProblem> all = missing.Concat(WithPath(path, () => CampaignScenario.Validate(json)));
            throw new CliInputException($"{path}: {string.Join("; ", all)}");
        }

        return WithPath(path, () => CampaignScenario.Parse(json));
    }

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

    /// <summary>One problem per required part the file lacks (none when the file is not a JSON object: the parser reports that).</summary>
    internal static List<ScenarioProblem> MissingParts(string json)
    {
        var problems = new List<ScenarioProblem>();
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return problems;
            }

            foreach (string part in RequiredParts)
            {
                if (!doc.RootElement.TryGetProperty(part, out _))
                {
                    problems.Add(new ScenarioProblem($"$.{part}", "is missing: a campaign scenario spells out every part (influence run --print-default prints a complete one to start from)"));
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the library's parser reports it with its line and position.
        }

        return problems;
    }

    private static string Read(string path) =>
        File.Exists(path) ? File.ReadAllText(path) : throw new CliInputException($"scenario file not found: {path}");

    private static T WithPath<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (JsonException ex)
        {
            throw new JsonException($"{path}: {ex.Message}", ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }
}
