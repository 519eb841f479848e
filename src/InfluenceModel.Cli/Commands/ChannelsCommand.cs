using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using InfluenceModel.Channels;
using InfluenceModel.Charts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>`influence channels`: which channels to be in under a budget and a cap, and how to split the money.</summary>
internal sealed class ChannelsCommand(IAnsiConsole console) : Command<ChannelsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-i|--input <FILE>")]
        [Description("JSON file: segments (name, size), channels (name, fixedCost, audience share per segment, curve {kind: hill|logistic|michaelisMenten, parameters}), optional objective, required, excluded. Example: docs/examples/channels.json.")]
        public string? Input { get; init; }

        [CommandOption("-b|--budget <MONEY>")]
        [Description("Total budget for the period: fixed costs plus spend (≥ 0).")]
        public double? Budget { get; init; }

        [CommandOption("--max-channels <K>")]
        [Description("Largest number of channels to be in (default: no cap).")]
        public int? MaxChannels { get; init; }

        [CommandOption("--objective <OBJECTIVE>")]
        [Description("reach or response (default: the input's objective, else reach).")]
        public string? Objective { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("Output format: table or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("-c|--chart <FILE>")]
        [Description("Also write the selected channels' response curves, chosen spend marked, to this .png or .svg file.")]
        public string? Chart { get; init; }

        public override ValidationResult Validate()
        {
            if (Input is null)
            {
                return ValidationResult.Error("--input is required (see docs/examples/channels.json).");
            }

            if (Budget is not { } b || !double.IsFinite(b) || b < 0)
            {
                return ValidationResult.Error("--budget is required and must be a finite number ≥ 0.");
            }

            if (MaxChannels is < 1)
            {
                return ValidationResult.Error($"--max-channels must be ≥ 1; it was {MaxChannels}.");
            }

            return Format is "table" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--format must be table or json; it was '{Format}'.");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ChartOption.Check(settings.Chart);

        ChannelsInput input = ChannelsInput.Read(settings.Input!);
        List<Channel> channels = input.BuildChannels();
        var request = new SelectionRequest
        {
            Channels = channels,
            Budget = settings.Budget!.Value,
            MaxChannels = Math.Min(settings.MaxChannels ?? 1000, 1000),
            Objective = input.ParseObjective(settings.Objective),
            Required = input.Required,
            Excluded = input.Excluded,
            Segments = input.Segments(),
        };
        ChannelSelection plan = ChannelSelector.Select(request, cancellationToken: cancellationToken);
        if (settings.Format == "json")
        {
            WriteJson(console.Profile.Out.Writer, plan);
        }
        else
        {
            WriteTable(plan, request);
        }

        if (settings.Chart is { } path)
        {
            ChannelCurvesChart.Save(plan, path);
            if (settings.Format == "table")
            {
                console.MarkupLineInterpolated($"chart: {Path.GetFullPath(path)}");
            }
        }

        return CliApp.ExitOk;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static void WriteJson(TextWriter writer, ChannelSelection plan)
    {
        var dto = new
        {
            selected = plan.Allocation.Channels,
            excluded = plan.Excluded,
            expectedReach = plan.ExpectedReach,
            expectedResponse = plan.ExpectedResponse,
            totalCost = plan.TotalCost,
            responsePerSpend = plan.ResponsePerSpend,
            unspent = plan.Allocation.Unspent,
            method = plan.Method.ToString(),
            isProvenOptimal = plan.IsProvenOptimal,
        };
        writer.WriteLine(JsonSerializer.Serialize(dto, JsonOptions));
    }

    private void WriteTable(ChannelSelection plan, SelectionRequest request)
    {
        var table = new Table().Title($"Channel selection: objective {request.Objective}, budget {F(request.Budget)}, at most {request.MaxChannels} channels");
        foreach (string column in new[] { "Channel", "Fixed cost", "Spend", "Response", "Response/spend", "Marginal response" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (ChannelAllocation o in plan.Allocation.Channels)
        {
            table.AddRow(Markup.Escape(o.Name), F(o.FixedCost), F(o.Spend), F(o.Response), o.ResponsePerSpend.ToString("G4", CultureInfo.InvariantCulture), o.MarginalResponse.ToString("G4", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"Expected reach {F(plan.ExpectedReach)}, expected response {F(plan.ExpectedResponse)}, total cost {F(plan.TotalCost)}, response per unit of spend {plan.ResponsePerSpend.ToString("G4", CultureInfo.InvariantCulture)}");
        console.MarkupLineInterpolated($"Search: {plan.Method}, {(plan.IsProvenOptimal ? "proven optimal" : "not proven optimal")} ({plan.NodesExplored} nodes)");
        foreach (ExcludedChannel e in plan.Excluded)
        {
            console.MarkupLineInterpolated($"  left out {e.Name}: {e.Reason}");
        }
    }

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
