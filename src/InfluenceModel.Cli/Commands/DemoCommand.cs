using System.ComponentModel;
using InfluenceModel.Charts;
using InfluenceModel.Community;
using Spectre.Console;
using Spectre.Console.Cli;

namespace InfluenceModel.Cli.Commands;

/// <summary>
/// `influence demo`: the main job on the built-in defaults. Until the campaign model exists it runs the community ROI
/// calculation on <see cref="CommunityRoiInputs.Default"/>, prints the table and the summary, and writes the chart as
/// PNG and SVG to ./out/.
/// </summary>
internal sealed class DemoCommand(IAnsiConsole console) : Command<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for the charts, relative to the current directory. Default: out.")]
        [DefaultValue("out")]
        public string Out { get; init; } = "out";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        CommunityRoiInputs inputs = CommunityRoiInputs.Default;
        console.Write(new Rule("[bold]InfluenceModel demo: community ROI[/]").LeftJustified());
        console.MarkupLine(
            $"A community launched to {inputs.Customers:N0} customers who ask {inputs.QuestionsPerCustomer:G3} questions each per month; " +
            $"members grow by the Bass model (p = {inputs.BassInnovation:G3}, q = {inputs.BassImitation:G3}, M = {inputs.MarketPotential:N0}) and answer " +
            $"each other by the 90-9-1 rule. Every default and its source: docs/models/community-roi.md.");
        console.WriteLine();

        CommunityRoiCurve curve = CommunityRoiCalculator.Compute(inputs);
        CommunityReport.WriteTable(console, curve);

        string folder = Path.GetFullPath(settings.Out);
        foreach (string extension in (string[])[".png", ".svg"])
        {
            string path = Path.Combine(folder, "community-roi" + extension);
            CommunityRoiChart.Save(curve, path);
            console.MarkupLineInterpolated($"chart: {path}");
        }

        return CliApp.ExitOk;
    }
}
