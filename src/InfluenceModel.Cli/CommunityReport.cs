using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using InfluenceModel.Community;
using Spectre.Console;

namespace InfluenceModel.Cli;

/// <summary>Reads community ROI inputs from JSON and writes a curve as a table, JSON or CSV.</summary>
internal static class CommunityReport
{
    /// <summary>camelCase property names, comments and trailing commas allowed, unknown properties rejected.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = CliJsonContext.Default,
    };

    /// <summary>
    /// The inputs in <paramref name="path"/>, read with the shared JSON reader; properties not in the file keep their
    /// defaults; every problem (duplicate key, unknown name, null, wrong kind, a value out of its range) is one line
    /// with its JSON path.
    /// </summary>
    public static CommunityRoiInputs ReadInputs(string path) => InputFile.Read<CommunityRoiInputs>(path, "--input", JsonOptions);

    public static void WriteTable(IAnsiConsole console, CommunityRoiCurve curve)
    {
        // Eight narrow columns so that the table fits 80 characters; json and csv carry every field.
        var table = new Table().Border(TableBorder.Simple).Title("Community ROI per period (money in the inputs' unit)");
        foreach (string header in (string[])["Period", "Members", "Resolved", "Share", "Handled", "Effort h", "Net value", "Cumulative"])
        {
            table.AddColumn(new TableColumn(header).RightAligned().PadLeft(1).PadRight(0));
        }

        foreach (CommunityRoiPoint p in curve.Points)
        {
            table.AddRow(
                p.Period.ToString(CultureInfo.InvariantCulture),
                N0(p.Members),
                N0(p.CommunityResolved),
                (100 * Share(p)).ToString("F0", CultureInfo.InvariantCulture) + "%",
                N0(p.CompanyHandled),
                N0(p.CompanyEffortHours),
                Signed(p.NetValue),
                Signed(p.CumulativeNetValue));
        }

        console.Write(table);
        console.MarkupLine("Resolved: questions the community answers; Share: of all questions; Handled: questions the company answers;");
        console.MarkupLine("Effort h: company hours. Every field (costs included): --format json or csv.");
        WriteSummary(console, curve);
    }

    public static void WriteSummary(IAnsiConsole console, CommunityRoiCurve curve)
    {
        console.WriteLine();
        console.MarkupLine("[bold]Summary[/]");
        console.MarkupLine($"  break-even period (first period with net value ≥ 0): [bold]{Period(curve.BreakEvenPeriod)}[/]");
        console.MarkupLine($"  payback period (first period with cumulative net ≥ 0): [bold]{Period(curve.PaybackPeriod)}[/]");
        console.MarkupLine($"  net present value at {curve.Inputs.DiscountRate:P2} per period: [bold]{Signed(curve.NetPresentValue)}[/]");
        console.MarkupLine($"  return on investment at the horizon: [bold]{(curve.ReturnOnInvestment is { } roi ? roi.ToString("P1", CultureInfo.InvariantCulture) : "undefined (the community costs nothing)")}[/]");
        console.MarkupLine($"  tipping point (community resolves half of what it can): [bold]{(curve.TippingPointMembers is { } tip ? N0(tip) + " members" : "none")}[/]");

        var tornado = new Table().Border(TableBorder.Simple).Title("NPV sensitivity to ±20% in each input (sorted by swing)");
        foreach (string header in (string[])["Input", "Base", "NPV at −20%", "NPV at +20%", "Swing"])
        {
            tornado.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (CommunityRoiSensitivity row in curve.Sensitivity())
        {
            tornado.AddRow(row.Input, row.BaseValue.ToString("G6", CultureInfo.InvariantCulture), Signed(row.LowNetPresentValue), Signed(row.HighNetPresentValue), N0(row.Swing));
        }

        console.Write(tornado);
    }

    public static void WriteJson(TextWriter writer, CommunityRoiCurve curve)
    {
        var document = new CommunityDocument
        {
            BreakEvenPeriod = curve.BreakEvenPeriod,
            PaybackPeriod = curve.PaybackPeriod,
            NetPresentValue = curve.NetPresentValue,
            ReturnOnInvestment = curve.ReturnOnInvestment,
            TippingPointMembers = curve.TippingPointMembers,
            Inputs = curve.Inputs,
            Points = curve.Points,
            Sensitivity = curve.Sensitivity(),
        };
        writer.WriteLine(JsonSerializer.Serialize(document, JsonOptions.GetTypeInfo(typeof(CommunityDocument))));
    }

    public static void WriteCsv(TextWriter writer, CommunityRoiCurve curve)
    {
        var csv = new StringBuilder("period,members,demand,community_resolved,company_handled,company_effort_hours,community_cost,company_cost,baseline_cost,net_value,cumulative_net_value\n");
        foreach (CommunityRoiPoint p in curve.Points)
        {
            csv.AppendJoin(',', p.Period.ToString(CultureInfo.InvariantCulture), R(p.Members), R(p.Demand), R(p.CommunityResolved), R(p.CompanyHandled),
                R(p.CompanyEffortHours), R(p.CommunityCost), R(p.CompanyCost), R(p.BaselineCost), R(p.NetValue), R(p.CumulativeNetValue)).Append('\n');
        }

        writer.Write(csv.ToString());
    }

    private static double Share(CommunityRoiPoint p) => p.Demand > 0 ? p.CommunityResolved / p.Demand : 0;

    private static string Period(int? period) => period?.ToString(CultureInfo.InvariantCulture) ?? "not within the horizon";

    private static string N0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value < 0 ? $"[red]{N0(value)}[/]" : N0(value);

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
