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
        [Description("JSON file: segments (name, size), channels (name, fixedCost, audience share per segment, curve {kind: hill|logistic|michaelisMenten, parameters}), optional objective, required, excluded. Example: https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/examples/channels.json.")]
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
        [Description(CommonOptions.FormatDescription)]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("-c|--chart <FILE>")]
        [Description("Also write the selected channels' response curves, chosen spend marked, to this .png or .svg file.")]
        public string? Chart { get; init; }

        public override ValidationResult Validate()
        {
            if (Input is null)
            {
                return ValidationResult.Error("--input is required (see https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/examples/channels.json).");
            }

            if (Budget is not { } b || !double.IsFinite(b) || b < 0)
            {
                return ValidationResult.Error("--budget is required and must be a finite number ≥ 0.");
            }

            if (MaxChannels is < 1)
            {
                return ValidationResult.Error($"--max-channels must be ≥ 1; it was {MaxChannels}.");
            }

            return CommonOptions.CheckFormat(Format) is { } format
                ? ValidationResult.Error(format)
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ChartOption.Check(settings.Chart);

        ChannelsInput input = ChannelsInput.Read(settings.Input!);
        SelectionRequest request = input.ToRequest(settings.Input!, settings.Budget!.Value, settings.MaxChannels ?? SelectionRequest.MaxCandidates /* no cap: every channel may be in */, settings.Objective);
        ChannelSelection plan = SamplingProgress.RunFraction(
            $"choosing among {request.Channels.Count} channels",
            progress => ChannelSelector.Select(request, progress, cancellationToken));

        // The chart is written (under a temporary name, then renamed) before anything is printed.
        using (var outputs = new OutputFiles())
        {
            if (settings.Chart is { } path)
            {
                ChannelCurvesChart.Save(plan, outputs.Stage(path));
            }

            outputs.Commit(cancellationToken);
        }

        if (settings.Format == "json")
        {
            WriteJson(console.Profile.Out.Writer, plan);
        }
        else
        {
            WriteTable(plan, request, settings.MaxChannels);
            if (settings.Chart is { } path)
            {
                console.WriteLine($"chart: {ErrorText.Escape(Path.GetFullPath(path))}");
            }
        }

        return CliApp.ExitOk;
    }

    private static void WriteJson(TextWriter writer, ChannelSelection plan)
    {
        var dto = new ChannelsReport
        {
            Selected = plan.Allocation.Channels,
            Excluded = plan.Excluded,
            ExpectedReach = plan.ExpectedReach,
            ExpectedResponse = plan.ExpectedResponse,
            TotalCost = plan.TotalCost,
            ResponsePerSpend = plan.ResponsePerSpend,
            Unspent = plan.Allocation.Unspent,
            Method = plan.Method.ToString(),
            IsProvenOptimal = plan.IsProvenOptimal,
        };
        writer.WriteLine(JsonSerializer.Serialize(dto, CliJsonContext.Default.ChannelsReport));
    }

    private void WriteTable(ChannelSelection plan, SelectionRequest request, int? maxChannels)
    {
        // "Response per unit of spend" is what it is (response ÷ spend), not an ROI: the input has no money value of a
        // response. Channels in the plan with no spend (under reach they are in for their audience, fixed cost paid) are
        // listed apart: they buy presence, not response.
        string cap = maxChannels is { } k ? $"at most {k} channels" : "no cap on channels";
        var table = new TextTable("channel", "fixed cost", "spend", "response", "response per spend", "marginal response")
        {
            Title = $"Channel selection: objective {request.Objective.ToString().ToLowerInvariant()}, budget {F(request.Budget)}, {cap}",
        };
        var presenceOnly = new List<ChannelAllocation>();
        foreach (ChannelAllocation o in plan.Allocation.Channels)
        {
            if (o.Spend <= 0)
            {
                presenceOnly.Add(o);
                continue;
            }

            table.AddRow(o.Name, F(o.FixedCost), F(o.Spend), F(o.Response), Ratio(o.ResponsePerSpend), Ratio(o.MarginalResponse));
        }

        table.Write(console);
        if (presenceOnly.Count > 0)
        {
            console.MarkupLineInterpolated($"In the plan for reach only (fixed cost paid, no spend, no response): {string.Join(", ", presenceOnly.Select(o => $"{o.Name} ({F(o.FixedCost)})"))}.");
        }

        console.MarkupLineInterpolated($"Expected reach {F(plan.ExpectedReach)}, expected response {F(plan.ExpectedResponse)}, total cost {F(plan.TotalCost)}, response per unit of spend {Ratio(plan.ResponsePerSpend)}");
        console.MarkupLineInterpolated($"Search: {plan.Method}, {(plan.IsProvenOptimal ? "proven optimal" : "not proven optimal")} ({plan.NodesExplored} nodes)");
        foreach (ExcludedChannel e in plan.Excluded)
        {
            console.MarkupLineInterpolated($"  left out {e.Name}: {e.Reason}");
        }
    }

    private static string F(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Ratios (response per unit of spend, marginal response) with one precision everywhere.</summary>
    private static string Ratio(double value) => value.ToString("N4", CultureInfo.InvariantCulture);
}
