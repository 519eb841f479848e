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
        console.MarkupLineInterpolated($"incremental adopters at the end: {Ci(s.IncrementalAdopters)}; committed (channels and ambassadors) {N0(s.TotalSpend)} of the {N0(campaign.Budget.AnnualTotal)} budget; cost per adoption {(s.CostPerAdoption is { } cpa ? Ci(cpa) : "–")}; ROI on the committed money {(s.Roi is { } roi2 ? CiPercent(roi2) : "–")}");
        console.MarkupLineInterpolated($"reserve {r.Reserve.ReserveShare:P0} ({N0(campaign.Budget.AnnualTotal * campaign.Budget.ReserveShare)}, not in that ROI): expected annual value of the whole budget {Ci(r.Reserve.WithReserve)} vs {Ci(r.Reserve.AnnualFixed)} all committed; best share on the grid {r.Reserve.BestShare:P0}");
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
            (Files[0], "Adopters to date by mechanism (cumulative)"),
            (Files[1], "Incremental adopters against the money spent (to date)"),
            (Files[2], "Channel response curves at the planned spend"),
            (Files[3], "What the reserve is worth"),
            (Files[4], "Community value: cumulative net value"),
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
            .Append("</title><style>body{font-family:sans-serif;max-width:1000px;margin:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td{white-space:nowrap}.table{overflow-x:auto}img{max-width:100%}</style></head><body>\n");
        md.Append("# ").Append(r.Name).Append("\n\n");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(r.Name)).Append("</h1>\n");
        string intro = $"{r.Simulations} Monte-Carlo runs, seed {r.Seed}, {r.Consumers:N0} consumers. Counts are consumers, money is in the scenario's currency; ± is the 95% confidence interval half-width. Model and sources: https://github.com/InfluenceModel/InfluenceModel/blob/main/docs/models/campaign.md.";
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
            html.Append("<div class=\"table\"><table><tr>").AppendJoin("", header.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")).Append("</tr>\n");
            foreach (string[] row in rows)
            {
                md.Append("| ").AppendJoin(" | ", row).Append(" |\n");
                html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{WebUtility.HtmlEncode(c)}</td>")).Append("</tr>\n");
            }

            md.Append('\n');
            html.Append("</table></div>\n");
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
        Money money = Money.Of(campaign, r);
        string committedShare = (money.Committed / money.Budget).ToString("P0", Inv);
        var list = new List<(string, string?, string[], List<string[]>)>
        {
            (MoneySectionTitle, $"Every unit of the {N0(money.Budget)} budget. Committed by the campaign: {N0(money.Committed)} ({committedShare}: channels {N0(money.Channels)} + ambassador programme {N0(money.Program)}); reserve: {N0(money.Reserve)} ({r.Reserve.ReserveShare.ToString("P0", Inv)}), of which the Budgeting model expects the opportunities to take {N0(money.Reserve - r.Reserve.ReserveUnspent.Mean)} and {N0(r.Reserve.ReserveUnspent.Mean)} to stay unspent at year end (mean of {N0(ReserveYears)} simulated years).",
                ["Budget line", "Amount", "Share of budget", "Note"], MoneyRows(campaign, r, money)),
            ("Summary", $"ROI here is (value per adoption × incremental adopters − committed money) / committed money: it covers the {N0(money.Committed)} the campaign commits (channels and ambassador programme), not the {N0(money.Reserve)} reserve. The reserve is valued by the Budgeting model in the lines below, as a return on the whole budget (the same unit), and in the Reserve section.",
                ["Measure", "Value"],
            [
                ["Adopters at the end", Ci(s.Adopters)],
                ["Incremental adopters (vs. no campaign)", Ci(s.IncrementalAdopters)],
                ["Attributed to the ambassador programme", Ci(s.AmbassadorAttributedAdopters)],
                ["Money committed (channels and ambassador programme)", N0(s.TotalSpend)],
                ["Cost per incremental adoption", s.CostPerAdoption is { } c ? Ci(c) : "–"],
                [$"ROI on the committed money at value per adoption {N0(r.ValuePerAdoption)}", s.Roi is { } roi ? CiPercent(roi) : "–"],
                ["Return on the whole budget, everything committed (Budgeting model)", CiPercent(WholeBudgetReturn(r.Reserve.AnnualFixed, money.Budget))],
                [$"Return on the whole budget with the {r.Reserve.ReserveShare.ToString("P0", Inv)} reserve (Budgeting model)", CiPercent(WholeBudgetReturn(r.Reserve.WithReserve, money.Budget))],
                ["Ambassadors", $"{r.Ambassadors.Count} (ids {string.Join(", ", r.Ambassadors.Take(10))}{(r.Ambassadors.Count > 10 ? ", …" : "")})"],
            ]),
            ("Adoption per period", "Figures for each period alone: the money spent and the consumers reached in the period, and the adopters added in the period (net: reversible compliance can undo an adoption, so a count can be negative). Added adopters are differences of the cumulative means; their intervals are in the cumulative table below. Word of mouth = compliance + identification + internalization (Kelman).",
                ["Period", "Phase", "Spend", "Reach", "New adopters", "New incremental", "New direct", "New organic", "New word of mouth", "Active ambassadors"],
                [.. r.Periods.Select((p, i) =>
                {
                    CampaignPeriodResult? q = i > 0 ? r.Periods[i - 1] : null;
                    double Added(Func<CampaignPeriodResult, double> f) => f(p) - (q is null ? 0 : f(q));
                    return new[]
                    {
                        p.Period.ToString(Inv), p.Phase, N0(p.Spend), Ci(p.Reach), Count(Added(x => x.Adopters.Mean)), Count(Added(x => x.IncrementalAdopters.Mean)),
                        Count(Added(x => x.Direct.Mean)), Count(Added(x => x.Organic.Mean)), Count(Added(x => x.Compliance.Mean + x.Identification.Mean + x.Internalization.Mean)), Ci(p.Ambassadors),
                    };
                })]),
            ("Adoption to date (cumulative)", "Every column is cumulative: the state at the end of the period (money spent and consumers adopting up to then). Direct: acted on a channel's message; organic: adopted without the campaign; compliance, identification, internalization: word of mouth (Kelman). Cost per adoption and ROI are on the money spent to date.",
                ["Period", "Spend to date", "Aware", "Adopters", "Baseline", "Incremental", "Direct", "Organic", "Compliance", "Identification", "Internalization", "Cost/adoption", "ROI to date"],
                [.. r.Periods.Select(p => new[]
                {
                    p.Period.ToString(Inv), N0(p.CumulativeSpend), Ci(p.Aware), Ci(p.Adopters), Ci(p.BaselineAdopters), Ci(p.IncrementalAdopters),
                    Ci(p.Direct), Ci(p.Organic), Ci(p.Compliance), Ci(p.Identification), Ci(p.Internalization),
                    p.CostPerAdoption is { } c ? Ci(c) : "–", p.Roi is { } roi ? CiPercent(roi) : "–",
                })]),
            ("Channels", $"Chosen from {campaign.CandidateChannels.Count} candidates (at most {campaign.Budget.MaxChannels}). Spend: fixed cost and media over the campaign. Attributed: direct adopters plus a pro-rata share of word of mouth. ROI on the channel's own spend.",
                ["Channel", "Spend", "Unique reach", "Direct adopters", "Attributed adopters", "Cost/adoption", "ROI"],
                [.. r.Channels.Select(c => new[]
                {
                    c.Name, N0(c.Spend), Ci(c.UniqueReach), Ci(c.DirectAdopters), Ci(c.AttributedAdopters),
                    c.CostPerAdoption is { } cpa ? Ci(cpa) : "–", c.Roi is { } roi ? CiPercent(roi) : "–",
                })]),
            ("Reserve", $"Reserve share {r.Reserve.ReserveShare.ToString("P0", Inv)} ({N0(money.Reserve)}): the committed lines earn their simulated return; the reserve funds short-term opportunities that clear the hurdle rate (Budgeting model, {N0(ReserveYears)} simulated years). Expected annual value is the gross value the whole {N0(money.Budget)} budget returns in a year (currency units, not an ROI); the return on the whole budget is (value − budget) / budget, the unit of the ROI above. Keeping the reserve is worth {SignedN0(r.Reserve.WithReserve.Mean - r.Reserve.AnnualFixed.Mean)} a year against committing everything. Best share on the grid: {r.Reserve.BestShare.ToString("P0", Inv)}. Opportunities funded per year: {r.Reserve.OpportunitiesCaptured.ToString("F1", Inv)}.",
                ["Reserve share", "Expected annual value", "Return on the whole budget"],
                [.. r.Reserve.Curve.Select(p => new[] { p.ReserveShare.ToString("P0", Inv), Ci(p.Value), CiPercent(WholeBudgetReturn(p.Value, money.Budget)) }),
                 ["all committed (annual fixed)", Ci(r.Reserve.AnnualFixed), CiPercent(WholeBudgetReturn(r.Reserve.AnnualFixed, money.Budget))],
                 [$"scenario ({r.Reserve.ReserveShare.ToString("P0", Inv)}, hurdle policy)", Ci(r.Reserve.WithReserve), CiPercent(WholeBudgetReturn(r.Reserve.WithReserve, money.Budget))]]),
            ("Community", $"Members = join share × adopters. Money per period: net value = support cost saved + member value − community cost. NPV {N0(community.NetPresentValue)}; break-even period (net value ≥ 0) {community.BreakEvenPeriod?.ToString(Inv) ?? "not within the campaign"}; payback period (cumulative net value ≥ 0) {community.PaybackPeriod?.ToString(Inv) ?? "not within the campaign"}.",
                ["Period", "Members", "Community-resolved", "Company-handled", "Company cost", "Net value", "Cumulative net value"],
                [.. community.Points.Select(p => new[]
                {
                    p.Period.ToString(Inv), N0(p.Members), N0(p.CommunityResolved), N0(p.CompanyHandled), N0(p.CompanyCost), N0(p.NetValue), N0(p.CumulativeNetValue),
                })]),
        };
        return list;
    }

    /// <summary>The title of the report's money table (tests find the table by it).</summary>
    internal const string MoneySectionTitle = "Where the money goes";

    /// <summary>Simulated years of the reserve analysis (ReserveAnalysis.Years in the library).</summary>
    private const int ReserveYears = 4000;

    /// <summary>The rows of the money table: every line of the budget, then the total (= the budget).</summary>
    private static List<string[]> MoneyRows(Campaign campaign, CampaignResult r, Money money)
    {
        var rows = new List<string[]>();
        void Add(string line, double amount, string note) => rows.Add([line, N0(amount), (amount / Math.Max(money.Budget, double.Epsilon)).ToString("P1", Inv), note]);
        foreach (ChannelResult c in r.Channels)
        {
            Add($"Channel: {c.Name}", c.Spend, "committed: fixed cost + media");
        }

        AmbassadorProgram program = campaign.AmbassadorProgram;
        Add("Ambassador programme", money.Program, $"committed: {program.Count} ambassadors × {N0(program.CostPerAmbassadorPerPeriod)} × {campaign.Periods} periods");
        Estimate unspent = r.Reserve.ReserveUnspent;
        Add("Reserve: spent on opportunities", money.Reserve - unspent.Mean, $"expected (± {HalfWidth(unspent)})");
        Add("Reserve: kept, unspent at year end", unspent.Mean, $"expected (± {HalfWidth(unspent)})");
        if (Math.Abs(money.Unallocated) >= 0.5)
        {
            Add(money.Unallocated > 0 ? "Not allocated (neither committed nor reserve)" : "Committed beyond the budget", money.Unallocated, "budget − committed − reserve");
        }

        rows.Add(["Total (= the annual budget)", N0(money.Budget), 1.0.ToString("P1", Inv), ""]);
        return rows;
    }

    /// <summary>(value − budget) / budget with the value's error scaled alike: a return on the whole budget.</summary>
    private static Estimate WholeBudgetReturn(Estimate value, double budget) =>
        budget > 0 ? new Estimate((value.Mean - budget) / budget, value.StandardError / budget, value.Count) : new Estimate(0, 0, value.Count);

    private static string N0(double value) => value.ToString("N0", Inv);

    private static string SignedN0(double value) => (value > 0 ? "+" : "") + N0(value);

    /// <summary>A per-period count (a difference of means): whole numbers from 10, one decimal below.</summary>
    private static string Count(double value) => Math.Abs(value) >= 10 || value == 0 ? N0(value) : value.ToString("N1", Inv);

    /// <summary>
    /// "2,327 ± 20", "41.3 ± 0.42": the 95% half-width to two significant figures and the mean to the same decimals,
    /// so a non-zero error never prints as ± 0.
    /// </summary>
    internal static string Ci(Estimate e)
    {
        double half = e.Interval95.Upper - e.Mean;
        int decimals = Decimals(half);
        return $"{e.Mean.ToString("N" + decimals, Inv)} ± {half.ToString("N" + decimals, Inv)}";
    }

    /// <summary>"-12.72 % ± 0.81 %": as <see cref="Ci"/>, in percent.</summary>
    internal static string CiPercent(Estimate e)
    {
        double mean = 100 * e.Mean, half = 100 * (e.Interval95.Upper - e.Mean);
        // An exact figure (no sampling error) keeps one decimal of a percent.
        int decimals = half > 0 ? Decimals(half) : 1;
        return $"{mean.ToString("N" + decimals, Inv)} % ± {half.ToString("N" + (half > 0 ? decimals : 0), Inv)} %";
    }

    private static string HalfWidth(Estimate e)
    {
        double half = e.Interval95.Upper - e.Mean;
        return half.ToString("N" + Decimals(half), Inv);
    }

    /// <summary>Decimals that show <paramref name="half"/> to two significant figures (0 for 10 and above or for 0).</summary>
    private static int Decimals(double half) =>
        half > 0 && double.IsFinite(half) ? Math.Clamp(1 - (int)Math.Floor(Math.Log10(half)), 0, 12) : 0;

    /// <summary>The budget's parts: committed channels and programme, reserve, and what is left over (normally 0).</summary>
    private sealed record Money(double Budget, double Channels, double Program, double Reserve)
    {
        public double Committed => Channels + Program;

        public double Unallocated => Budget - Committed - Reserve;

        public static Money Of(Campaign campaign, CampaignResult r)
        {
            double channels = r.Channels.Sum(c => c.Spend);
            // The programme's money: what the campaign spent beyond its channels (the simulator charges the programme
            // in every period; CampaignPeriodResult.Spend includes it).
            double program = r.Summary.TotalSpend - channels;
            return new Money(campaign.Budget.AnnualTotal, channels, program, campaign.Budget.AnnualTotal * campaign.Budget.ReserveShare);
        }
    }
}
