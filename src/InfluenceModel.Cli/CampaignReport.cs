using System.Globalization;
using System.Net;
using System.Text;
using InfluenceModel.Campaigns;
using InfluenceModel.Charts;
using InfluenceModel.Community;
using Spectre.Console;

namespace InfluenceModel.Cli;

/// <summary>Runs a campaign with a progress bar and writes report.md, report.html and the charts (PNG) to a folder.</summary>
internal static class CampaignReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The files <see cref="Write"/> puts in the report folder.</summary>
    public static readonly string[] Files =
        ["adoption-by-mechanism.png", "spend-vs-adoptions.png", "channel-response-curves.png", "reserve-value-curve.png", "community-roi.png", "report.md", "report.html"];

    /// <summary>Simulates <paramref name="campaign"/>, with a progress bar on stderr when stderr is a terminal.</summary>
    public static CampaignResult Simulate(Campaign campaign, SimulationOptions options, CancellationToken cancellationToken) =>
        SamplingProgress.RunFraction($"simulating {options.Simulations} runs", progress => CampaignSimulator.Simulate(campaign, options, progress, cancellationToken));

    /// <summary>Prints the headline numbers.</summary>
    public static void WriteSummary(IAnsiConsole console, Campaign campaign, CampaignResult r)
    {
        var table = new Table().Border(TableBorder.Simple).Title($"{Markup.Escape(r.Name)}: per period (means of {r.Simulations} runs)");
        // Short headers and one space of padding keep the table readable at 80 columns (CI logs, redirected output).
        foreach (string header in (string[])["Period", "Phase", "Spend", "Reach", "Aware", "Adopters", "Incr.", "Cost/ad.", "ROI"])
        {
            table.AddColumn(new TableColumn(header).RightAligned().PadLeft(1).PadRight(0));
        }

        foreach (CampaignPeriodResult p in r.Periods)
        {
            table.AddRow(p.Period.ToString(Inv), Markup.Escape(p.Phase), N0(p.Spend), N0(p.Reach.Mean), N0(p.Aware.Mean), N0(p.Adopters.Mean),
                N0(p.IncrementalAdopters.Mean), p.CostPerAdoption is { } c ? N0(c.Mean) : "–", p.Roi is { } roi ? roi.Mean.ToString("P0", Inv) : "–");
        }

        console.Write(table);
        console.MarkupLineInterpolated($"channels chosen: {string.Join(", ", campaign.ChannelPlan.Select(c => c.Name))}; ambassadors: {r.Ambassadors.Count}");
        CampaignSummary s = r.Summary;
        console.MarkupLineInterpolated($"incremental adopters at the end: {Ci(s.IncrementalAdopters)}; total spend {N0(s.TotalSpend)}; cost per adoption {(s.CostPerAdoption is { } cpa ? Ci(cpa) : "–")}; ROI {(s.Roi is { } roi2 ? CiPercent(roi2) : "–")}");
        console.MarkupLineInterpolated($"reserve {r.Reserve.ReserveShare:P0}: expected annual value {Ci(r.Reserve.WithReserve)} vs {Ci(r.Reserve.AnnualFixed)} all committed; best share on the grid {r.Reserve.BestShare:P0}");
        console.MarkupLineInterpolated($"community: NPV {N0(r.Community.NetPresentValue)}, break-even period {r.Community.BreakEvenPeriod?.ToString(Inv) ?? "none"}");
    }

    /// <summary>
    /// Stages report.md, report.html and the PNG charts for <paramref name="folder"/> in <paramref name="outputs"/> (they
    /// appear when the caller commits); returns the report paths.
    /// </summary>
    public static (string Markdown, string Html) Write(Campaign campaign, CampaignResult r, string folder, OutputFiles outputs, CancellationToken cancellationToken)
    {
        CommunityRoiCurve community = CommunityRoiCalculator.Compute(r.Community.Inputs, cancellationToken);
        (string File, string Title)[] charts =
        [
            (Files[0], "Adoption over time by mechanism"),
            (Files[1], "Spend against adoptions"),
            (Files[2], "Channel response curves at the chosen spend"),
            (Files[3], "Reserve value curve"),
            (Files[4], "Community ROI curve"),
        ];
        ChartFile.Save(CampaignCharts.AdoptionByMechanism(r), outputs.Stage(Path.Combine(folder, charts[0].File)));
        cancellationToken.ThrowIfCancellationRequested();
        ChartFile.Save(CampaignCharts.SpendAgainstAdoptions(r), outputs.Stage(Path.Combine(folder, charts[1].File)));
        cancellationToken.ThrowIfCancellationRequested();
        ChartFile.Save(CampaignCharts.ChannelResponseCurves(campaign), outputs.Stage(Path.Combine(folder, charts[2].File)));
        cancellationToken.ThrowIfCancellationRequested();
        ChartFile.Save(CampaignCharts.ReserveValueCurve(r), outputs.Stage(Path.Combine(folder, charts[3].File)));
        cancellationToken.ThrowIfCancellationRequested();
        CommunityRoiChart.Save(community, outputs.Stage(Path.Combine(folder, charts[4].File)));
        cancellationToken.ThrowIfCancellationRequested();

        var sections = Sections(campaign, r, community);
        var md = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(r.Name))
            .Append("</title><style>body{font-family:sans-serif;max-width:1000px;margin:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}img{max-width:100%}</style></head><body>\n");
        md.Append("# ").Append(r.Name).Append("\n\n");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(r.Name)).Append("</h1>\n");
        string intro = $"{r.Simulations} Monte-Carlo runs, seed {r.Seed}, {r.Consumers:N0} consumers. Counts are consumers, money is in the scenario's currency; ± is the 95% confidence interval half-width. Model and sources: docs/models/campaign.md.";
        md.Append(intro).Append("\n\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(intro)).Append("</p>\n");
        foreach ((string title, string? text, string[] header, List<string[]> rows) in sections)
        {
            md.Append("## ").Append(title).Append("\n\n");
            html.Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2>\n");
            if (text is not null)
            {
                md.Append(text).Append("\n\n");
                html.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>\n");
            }

            md.Append("| ").AppendJoin(" | ", header).Append(" |\n|").AppendJoin("|", header.Select(_ => "---:")).Append("|\n");
            html.Append("<table><tr>").AppendJoin("", header.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr>\n");
            foreach (string[] row in rows)
            {
                md.Append("| ").AppendJoin(" | ", row).Append(" |\n");
                html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")).Append("</tr>\n");
            }

            md.Append('\n');
            html.Append("</table>\n");
        }

        md.Append("## Charts\n\n");
        html.Append("<h2>Charts</h2>\n");
        foreach ((string file, string title) in charts)
        {
            md.Append("### ").Append(title).Append("\n\n![").Append(title).Append("](").Append(file).Append(")\n\n");
            html.Append("<h3>").Append(WebUtility.HtmlEncode(title)).Append("</h3><img src=\"").Append(file).Append("\" alt=\"").Append(WebUtility.HtmlEncode(title)).Append("\">\n");
        }

        html.Append("</body></html>\n");
        string mdPath = Path.Combine(folder, "report.md"), htmlPath = Path.Combine(folder, "report.html");
        File.WriteAllText(outputs.Stage(mdPath), md.ToString(), new UTF8Encoding(false));
        File.WriteAllText(outputs.Stage(htmlPath), html.ToString(), new UTF8Encoding(false));
        return (mdPath, htmlPath);
    }

    private static List<(string Title, string? Text, string[] Header, List<string[]> Rows)> Sections(Campaign campaign, CampaignResult r, CommunityRoiCurve community)
    {
        CampaignSummary s = r.Summary;
        var list = new List<(string, string?, string[], List<string[]>)>
        {
            ("Summary", null, ["Measure", "Value"],
            [
                ["Adopters at the end", Ci(s.Adopters)],
                ["Incremental adopters (vs. no campaign)", Ci(s.IncrementalAdopters)],
                ["Attributed to the ambassador program", Ci(s.AmbassadorAttributedAdopters)],
                ["Total spend (channels and ambassadors)", N0(s.TotalSpend)],
                ["Cost per incremental adoption", s.CostPerAdoption is { } c ? Ci(c) : "–"],
                ["ROI at value per adoption " + N0(r.ValuePerAdoption), s.Roi is { } roi ? CiPercent(roi) : "–"],
                ["Ambassadors", $"{r.Ambassadors.Count} (ids {string.Join(", ", r.Ambassadors.Take(10))}{(r.Ambassadors.Count > 10 ? ", …" : "")})"],
            ]),
            ("Adoption per period by mechanism", "Direct: acted on a channel's message; organic: adopted without the campaign; compliance, identification, internalization: word of mouth (Kelman).",
                ["Period", "Phase", "Spend", "Reach", "Aware", "Adopters", "Baseline", "Incremental", "Direct", "Ambassadors", "Organic", "Compliance", "Identification", "Internalization", "Cost/adoption", "ROI"],
                [.. r.Periods.Select(p => new[]
                {
                    p.Period.ToString(Inv), p.Phase, N0(p.Spend), Ci(p.Reach), Ci(p.Aware), Ci(p.Adopters), Ci(p.BaselineAdopters), Ci(p.IncrementalAdopters),
                    N0(p.Direct.Mean), N0(p.Ambassadors.Mean), N0(p.Organic.Mean), N0(p.Compliance.Mean), N0(p.Identification.Mean), N0(p.Internalization.Mean),
                    p.CostPerAdoption is { } c ? Ci(c) : "–", p.Roi is { } roi ? CiPercent(roi) : "–",
                })]),
            ("Channels", $"Chosen from {campaign.CandidateChannels.Count} candidates (at most {campaign.Budget.MaxChannels}). Attributed: direct adopters plus a pro-rata share of word of mouth.",
                ["Channel", "Spend", "Unique reach", "Direct adopters", "Attributed adopters", "Cost/adoption", "ROI"],
                [.. r.Channels.Select(c => new[]
                {
                    c.Name, N0(c.Spend), Ci(c.UniqueReach), Ci(c.DirectAdopters), Ci(c.AttributedAdopters),
                    c.CostPerAdoption is { } cpa ? Ci(cpa) : "–", c.Roi is { } roi ? CiPercent(roi) : "–",
                })]),
            ("Reserve", $"Reserve share {r.Reserve.ReserveShare.ToString("P0", Inv)}: the committed lines earn their simulated return; the reserve funds short-term opportunities (Budgeting model). Best share on the grid: {r.Reserve.BestShare.ToString("P0", Inv)}. Opportunities funded per year: {r.Reserve.OpportunitiesCaptured.ToString("F1", Inv)}.",
                ["Reserve share", "Expected annual value"],
                [.. r.Reserve.Curve.Select(p => new[] { p.ReserveShare.ToString("P0", Inv), Ci(p.Value) }),
                 ["all committed (annual fixed)", Ci(r.Reserve.AnnualFixed)], [$"scenario ({r.Reserve.ReserveShare.ToString("P0", Inv)}, hurdle policy)", Ci(r.Reserve.WithReserve)]]),
            ("Community", $"Members = join share × adopters. NPV {N0(community.NetPresentValue)}; break-even period {community.BreakEvenPeriod?.ToString(Inv) ?? "not within the campaign"}; payback period {community.PaybackPeriod?.ToString(Inv) ?? "not within the campaign"}.",
                ["Period", "Members", "Community-resolved", "Company-handled", "Company cost", "Net value", "Cumulative"],
                [.. community.Points.Select(p => new[]
                {
                    p.Period.ToString(Inv), N0(p.Members), N0(p.CommunityResolved), N0(p.CompanyHandled), N0(p.CompanyCost), N0(p.NetValue), N0(p.CumulativeNetValue),
                })]),
        };
        return list;
    }

    private static string N0(double value) => value.ToString("N0", Inv);

    private static string Ci(Estimate e) => $"{e.Mean.ToString("N0", Inv)} ± {(e.Interval95.Upper - e.Mean).ToString("N0", Inv)}";

    private static string CiPercent(Estimate e) => $"{e.Mean.ToString("P1", Inv)} ± {(e.Interval95.Upper - e.Mean).ToString("P1", Inv)}";
}
