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
        IReadOnlyList<ScenarioProblem> problems = WithPath(settings.Scenario, () => CampaignScenario.Validate(json));
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
        return WithPath(path, () => CampaignScenario.Parse(json));
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
