using System.Text.Json.Nodes;
using InfluenceModel.Campaigns;

namespace InfluenceModel.Tests.Campaigns;

/// <summary>
/// Every rule a scenario reports, one row each: the JSON edit, the JSON path reported and a fragment of the message.
/// The rules are the domain types' own (their guards) and the builder's rules between the parts; none is restated in
/// the scenario.
/// </summary>
public sealed class ScenarioValidationTests
{
    private static readonly Dictionary<string, (Action<JsonObject> Edit, string Path, string Message)> Rules = new()
    {
        ["schemaVersion"] = (j => j["schemaVersion"] = 1, "$.schemaVersion", "must be 2"),
        ["name"] = (j => j["name"] = " ", "$.name", "whitespace"),
        ["unknown property"] = (j => B(j)["anualTotal"] = 5, "$.budget.anualTotal", "is not a property"),
        ["wrong type"] = (j => B(j)["annualTotal"] = "lots", "$.budget.annualTotal", "must be a number"),
        ["strategy missing"] = (j => j["strategy"] = null, "$.strategy", "null"),
        ["strategy objective"] = (j => O(j, "strategy")["objective"] = "", "$.strategy.objective", "whitespace"),
        ["phases empty"] = (j => j["phases"] = new JsonArray(), "$.phases", "must not be empty"),
        ["phase name"] = (j => Phase(j, 0)["name"] = "", "$.phases[0].name", "whitespace"),
        ["phase kind undefined"] = (j => Phase(j, 0)["kind"] = "someday", "$.phases[0].kind", "must be one of"),
        ["phase order"] = (j => { Phase(j, 0)["kind"] = "launch"; Phase(j, 1)["kind"] = "preLaunch"; }, "$.phases[1].kind", "lifecycle order"),
        ["phase periods"] = (j => Phase(j, 0)["periods"] = 0, "$.phases[0].periods", "must be in [1, 520]"),
        ["phase weight"] = (j => Phase(j, 0)["spendWeight"] = -1, "$.phases[0].spendWeight", "0 or a finite number in [1E-09, 1000000]"),
        ["phase weights all zero"] = (j => { foreach (JsonNode? p in j["phases"]!.AsArray()) { p!["spendWeight"] = 0; } }, "$.phases", "SpendWeight > 0"),
        ["phases too long"] = (j => { foreach (JsonNode? p in j["phases"]!.AsArray()) { p!["periods"] = 200; } }, "$.phases", "at most 520 periods"),
        ["consumers"] = (j => Pop(j)["consumers"] = 5, "$.population.consumers", "must be in [10, 10000000]"),
        ["average degree"] = (j => Pop(j)["averageDegree"] = 0, "$.population.averageDegree", "(0, 10000000]"),
        ["average degree above consumers"] = (j => Pop(j)["averageDegree"] = 20_000, "$.population.averageDegree", "< Consumers (10000)"),
        ["homophily"] = (j => Pop(j)["homophily"] = 1.5, "$.population.homophily", "[0, 1]"),
        ["organic rate"] = (j => Pop(j)["organicAdoptionRate"] = 1, "$.population.organicAdoptionRate", "[0, 1)"),
        ["peer influence"] = (j => Pop(j)["peerInfluence"] = 0, "$.population.peerInfluence", "(0, 1]"),
        ["segments empty"] = (j => Pop(j)["segments"] = new JsonArray(), "$.population.segments", "must not be empty"),
        ["segment name unique"] = (j => Segment(j, 1)["name"] = Segment(j, 0)["name"]!.GetValue<string>(), "$.population.segments[1].name", "must be unique"),
        ["segment share"] = (j => Segment(j, 0)["share"] = 0, "$.population.segments[0].share", "(0, 1]"),
        ["segment shares sum"] = (j => Segment(j, 0)["share"] = 0.5, "$.population.segments", "add up to 1"),
        ["review reliance"] = (j => Segment(j, 0)["reviewReliance"] = 2, "$.population.segments[0].reviewReliance", "[0, 1]"),
        ["channels empty"] = (j => j["channels"] = new JsonArray(), "$.channels", "must not be empty"),
        ["null list element"] = (j => j["channels"]!.AsArray()[0] = null, "$.channels[0]", "must be an object ({ … }), not null"),
        ["channel name unique"] = (j => Channel(j, 1)["name"] = "Facebook page", "$.channels[1].name", "must be unique"),
        ["reserved channel name"] = (j => Channel(j, 0)["name"] = "ambassador program", "$.channels[0].name", "must not be 'ambassador program'"),
        ["audience length"] = (j => Channel(j, 0)["audience"] = new JsonArray(0.5), "$.channels[0].audience", "one share per segment"),
        ["audience value"] = (j => Channel(j, 0)["audience"] = new JsonArray(0.5, 1.5, 0.5), "$.channels[0].audience", "[0, 1]; it was 1.5"),
        ["fixed cost"] = (j => Channel(j, 0)["fixedCost"] = -1, "$.channels[0].fixedCost", "[0, 1000000000000000]"),
        ["action rate"] = (j => Channel(j, 0)["actionRate"] = -0.1, "$.channels[0].actionRate", "[0, 1]"),
        ["review credibility"] = (j => Channel(j, 0)["reviewCredibility"] = 1.1, "$.channels[0].reviewCredibility", "[0, 1]"),
        ["response missing"] = (j => Channel(j, 0).Remove("response"), "$.channels[0].response", "is required"),
        ["response kind"] = (j => Curve(j, 0)["kind"] = "cubic", "$.channels[0].response.kind", "must be one of"),
        ["response ceiling"] = (j => Curve(j, 0)["beta"] = 1.2, "$.channels[0].response", "ceiling must be ≤ 1"),
        ["response kappa"] = (j => Curve(j, 0)["kappa"] = -1, "$.channels[0].response.kappa", "[1E-09, 1000000000000000]; it was -1"),
        ["response slope"] = (j => Curve(j, 0)["slope"] = 0, "$.channels[0].response.slope", "(0, 100]"),
        ["response lambda"] = (j => Curve(j, 5)["lambda"] = 0, "$.channels[5].response.lambda", "[1E-15, 1000000000]"),
        ["response alpha"] = (j => Curve(j, 2)["alpha"] = -1, "$.channels[2].response.alpha", "[1E-09, 1000000000000000]"),
        ["parameter of another family"] = (j => Curve(j, 0)["alpha"] = 0.5, "$.channels[0].response.alpha", "is not a parameter of a Hill curve"),
        ["parameter missing"] = (j => Curve(j, 0).Remove("kappa"), "$.channels[0].response.kappa", "is required for a Hill curve"),
        ["adstock alpha"] = (j => O(Channel(j, 0), "adstock")["alpha"] = 1, "$.channels[0].adstock.alpha", "[0, 1)"),
        ["adstock lag"] = (j => O(Channel(j, 0), "adstock")["maxLag"] = 0, "$.channels[0].adstock.maxLag", "[1, 1000]"),
        ["fatigue decline"] = (j => O(Channel(j, 0), "fatigue")["declinePerPeriod"] = 2, "$.channels[0].fatigue.declinePerPeriod", "[0, 1]"),
        ["fatigue floor"] = (j => O(Channel(j, 0), "fatigue")["floor"] = -1, "$.channels[0].fatigue.floor", "[0, 1]"),
        ["ambassador count"] = (j => O(j, "ambassadors")["count"] = -1, "$.ambassadors.count", "≥ 0"),
        ["employees"] = (j => O(j, "ambassadors")["employees"] = 10, "$.ambassadors.employees", "must be in [Count (25), Consumers (10000)]"),
        ["ambassador cost"] = (j => O(j, "ambassadors")["costPerAmbassadorPerPeriod"] = -5, "$.ambassadors.costPerAmbassadorPerPeriod", "0 or a finite number in [1E-09, 1000000000000000]"),
        ["ambassador program too costly"] = (j => O(j, "ambassadors")["costPerAmbassadorPerPeriod"] = 1e6, "$.ambassadors", "must not exceed the committed budget"),
        ["annual total"] = (j => B(j)["annualTotal"] = -1, "$.budget.annualTotal", "0 or a finite number in [1E-09, 1000000000000000]"),
        ["reserve share"] = (j => B(j)["reserveShare"] = 1.5, "$.budget.reserveShare", "[0, 1]; it was 1.5"),
        ["max channels"] = (j => B(j)["maxChannels"] = 7, "$.budget.maxChannels", "number of channels (6)"),
        ["value per adoption"] = (j => B(j)["valuePerAdoption"] = -1, "$.budget.valuePerAdoption", "[0, 1000000000000000]"),
        ["hurdle rate"] = (j => B(j)["hurdleRate"] = -1, "$.budget.hurdleRate", "[0, 1000000]"),
        ["no affordable channel"] = (j => { foreach (JsonNode? c in j["channels"]!.AsArray()) { c!["fixedCost"] = 1e12; } }, "$.channels", "fixed cost fits"),
        ["arrival rate"] = (j => O(j, "opportunities")["arrivalRate"] = 2000, "$.opportunities.arrivalRate", "[0, 1000]"),
        ["cost median"] = (j => O(j, "opportunities")["costMedian"] = 0, "$.opportunities.costMedian", "[1E-09, 1000000000000000]"),
        ["cost sigma"] = (j => O(j, "opportunities")["costSigma"] = 6, "$.opportunities.costSigma", "[0, 5]"),
        ["decision window"] = (j => O(j, "opportunities")["decisionWindow"] = 60, "$.opportunities.decisionWindow", "[1, 52]"),
        ["influence model"] = (j => O(j, "influence")["model"] = "rumour", "$.influence.model", "must be one of"),
        ["identification"] = (j => O(j, "influence")["identification"] = 0.5, "$.influence.identification", "[1,"),
        ["internalization"] = (j => O(j, "influence")["internalizationThreshold"] = -1, "$.influence.internalizationThreshold", "≥ 0"),
        ["stubbornness"] = (j => O(j, "influence")["stubbornness"] = 2, "$.influence.stubbornness", "[0, 1]"),
        ["rounds"] = (j => O(j, "influence")["roundsPerPeriod"] = 0, "$.influence.roundsPerPeriod", "[1, 1000000]"),
        ["kelman property on another model"] = (j => O(j, "influence")["model"] = "linearThreshold", "$.influence.identification", "applies to the kelman model only"),
        ["sir transmission"] = (j => { O(j, "influence")["model"] = "sir"; O(j, "influence")["transmission"] = 1.5; }, "$.influence.transmission", "[0, 1]; it was 1.5"),
        ["sis recovery"] = (j => { O(j, "influence")["model"] = "sis"; O(j, "influence")["recovery"] = 0; }, "$.influence.recovery", "(0, 1]"),
        ["sir rounds"] = (j => { O(j, "influence")["model"] = "sir"; O(j, "influence")["roundsPerPeriod"] = 0; }, "$.influence.roundsPerPeriod", "[1, 100000]"),
        ["kelman property on sir"] = (j => O(j, "influence")["model"] = "sir", "$.influence.identification", "applies to the kelman model only"),
        ["word-of-mouth property on kelman"] = (j => O(j, "influence")["transmission"] = 0.1, "$.influence.transmission", "applies to the sir and sis models only"),
        ["per-arc transmission on kelman"] = (j => O(j, "influence")["perArcTransmission"] = true, "$.influence.perArcTransmission", "applies to the sir and sis models only"),
        ["per-arc transmission with transmission"] = (j => { O(j, "influence").Clear(); O(j, "influence")["model"] = "sis"; O(j, "influence")["perArcTransmission"] = true; O(j, "influence")["transmission"] = 0.2; }, "$.influence.transmission", "is not used with perArcTransmission"),
        ["rounds on independent cascade"] = (j => { O(j, "influence").Clear(); O(j, "influence")["model"] = "independentCascade"; O(j, "influence")["roundsPerPeriod"] = 5; }, "$.influence.roundsPerPeriod", "applies to the kelman, sir and sis models only"),
        ["join share"] = (j => O(j, "community")["joinShare"] = 2, "$.community.joinShare", "[0, 1]"),
        ["questions"] = (j => O(j, "community")["questionsPerCustomer"] = 2000, "$.community.questionsPerCustomer", "[0, 1000]"),
        ["community fixed cost"] = (j => O(j, "community")["fixedCostPerPeriod"] = -1, "$.community.fixedCostPerPeriod", "[0,"),
        ["simulations"] = (j => O(j, "simulation")["simulations"] = 0, "$.simulation.simulations", "[1, 100000000]"),
        ["null section"] = (j => j["community"] = null, "$.community", "null"),
    };

    public static TheoryData<string> RuleNames => [.. Rules.Keys];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void EveryRule_ReportsItsPathAndMessage(string rule)
    {
        (Action<JsonObject> edit, string path, string message) = Rules[rule];
        IReadOnlyList<ScenarioProblem> problems = CampaignScenario.Validate(Edited(edit));
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultScenario_HasNoProblem() => Assert.Empty(CampaignScenario.Validate(CampaignScenario.Default.ToJson()));

    [Fact]
    public void KappaExample_FromTheIssue_ReadsAsOneLine()
    {
        ScenarioProblem problem = Assert.Single(CampaignScenario.Validate(Edited(Rules["response kappa"].Edit)));
        Assert.Equal("$.channels[0].response.kappa must be a finite number in [1E-09, 1000000000000000]; it was -1", problem.ToString());
    }

    [Fact]
    public void Validate_ReportsEveryProblemAtOnce_InDocumentOrder()
    {
        string json = Edited(j =>
        {
            j["schemaVersion"] = 0;
            B(j)["reserveShare"] = -1;
            B(j)["valuePerAdoption"] = -1;
            O(j, "influence")["stubbornness"] = 3;
        });
        IReadOnlyList<ScenarioProblem> problems = CampaignScenario.Validate(json);
        Assert.Equal(["$.schemaVersion", "$.budget.reserveShare", "$.budget.valuePerAdoption", "$.influence.stubbornness"], problems.Select(p => p.Path));
    }

    [Fact]
    public void Parse_Invalid_ThrowsWithEveryProblem_AndBuildsNothing()
    {
        string json = Edited(j => { j["schemaVersion"] = 3; B(j)["reserveShare"] = 2; });
        var ex = Assert.Throws<ScenarioValidationException>(() => CampaignScenario.Parse(json));
        Assert.Equal(2, ex.Problems.Count);
        Assert.Equal("scenario", ex.ParamName);
        Assert.Contains("$.budget.reserveShare", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RuleBetweenParts_ThrowsWithItsPath()
    {
        CampaignScenario s = CampaignScenario.Default with { Budget = CampaignScenario.Default.Budget with { MaxChannels = 9 } };
        var ex = Assert.Throws<ScenarioValidationException>(() => s.Build());
        Assert.Equal("$.budget.maxChannels", Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public void DomainGuards_RejectBadValues_InCode_TooWithTheSameMessage()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CampaignScenario.Default.Budget with { ReserveShare = 1.5 });
        Assert.Equal("ReserveShare", ex.ParamName);
        string fromJson = CampaignScenario.Validate(Edited(Rules["reserve share"].Edit)).Single().Message;
        Assert.StartsWith(fromJson, ex.Message[("ReserveShare ".Length)..], StringComparison.Ordinal);
    }

    internal static string Edited(Action<JsonObject> edit)
    {
        JsonObject json = JsonNode.Parse(CampaignScenario.Default.ToJson())!.AsObject();
        edit(json);
        return json.ToJsonString();
    }

    private static JsonObject O(JsonObject j, string name) => j[name]!.AsObject();

    private static JsonObject B(JsonObject j) => O(j, "budget");

    private static JsonObject Pop(JsonObject j) => O(j, "population");

    private static JsonObject Phase(JsonObject j, int i) => j["phases"]![i]!.AsObject();

    private static JsonObject Segment(JsonObject j, int i) => Pop(j)["segments"]![i]!.AsObject();

    private static JsonObject Channel(JsonObject j, int i) => j["channels"]![i]!.AsObject();

    private static JsonObject Curve(JsonObject j, int i) => O(Channel(j, i), "response");
}
