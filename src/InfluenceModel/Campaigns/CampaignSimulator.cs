using InfluenceModel.Budgeting;
using InfluenceModel.Community;
using InfluenceModel.DependencyInjection;
using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>Simulates campaigns; the injectable face of <see cref="CampaignSimulator"/>.</summary>
public interface ICampaignSimulator
{
    /// <summary>Simulates <paramref name="campaign"/>; see <see cref="CampaignSimulator.Simulate(Campaign, SimulationOptions?, IProgress{double}?, CancellationToken)"/>.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the registered defaults.</param>
    /// <param name="progress">Receives the completed fraction in [0, 1]; optional.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The result.</returns>
    CampaignResult Simulate(Campaign campaign, SimulationOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Simulates every campaign on common random numbers.</summary>
    /// <param name="campaigns">The campaigns.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the registered defaults.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The results side by side.</returns>
    CampaignComparison Compare(IReadOnlyList<Campaign> campaigns, SimulationOptions? options = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// The campaign simulator: per period, channel spend becomes reach through each channel's response curve (with adstock
/// and fatigue) and its audience in each segment; exposed consumers become aware and some act (adopt); the adopters,
/// the active ambassadors and the organic adopters seed word of mouth on the consumer network (Kelman model by
/// default), which adds adopters by compliance, identification and internalization. Every run also computes the
/// baseline without the campaign on the same random numbers, so incremental adoption, cost per adoption and ROI are
/// paired differences. Monte-Carlo estimates carry a standard error and a 95% interval.
/// </summary>
/// <remarks>
/// <para>
/// Per Monte-Carlo run i and period t (DESIGN.md "Campaign", docs/models/campaign.md):
/// r_{c,g}(t) = audience_{c,g}·y_c(t) is the chance that a consumer of segment g is exposed to channel c, with y_c the
/// channel's response; an exposed consumer adopts directly with probability
/// a_{c,g} = actionRate_c·(1 − ρ_g·(1 − credibility_c)) (ρ_g the segment's review reliance); every consumer adopts
/// organically with the hazard p. The seeds S_t = active ambassadors ∪ direct adopters ∪ organic adopters start the
/// influence model, run for at most roundsPerPeriod rounds; the baseline world's seeds are the organic adopters only.
/// The expected number of consumers exposed to a channel set is the audience-overlap formula
/// Σ_g n_g(1 − Π_c(1 − r_{c,g})) exactly, since exposures are independent across channels.
/// </para>
/// <para>
/// Random streams: run i draws exposures and actions from stream (seed, 3i), organic adoption from (seed, 3i + 1) and
/// the influence model from (seed, 3i + 2) afresh each period (so each consumer keeps its threshold for the whole
/// run); results are identical at any degree of parallelism. Stateless and thread-safe.
/// </para>
/// </remarks>
public sealed class CampaignSimulator : ICampaignSimulator
{
    private const int ReserveYears = 4000;
    private readonly SimulationOptions _defaults;

    /// <summary>A simulator whose default options are <see cref="SimulationOptions.Default"/>.</summary>
    public CampaignSimulator() => _defaults = SimulationOptions.Default;

    /// <summary>A simulator whose default options come from the host app's <see cref="InfluenceModelOptions"/>.</summary>
    /// <param name="defaults">The library-wide defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="defaults"/> is null.</exception>
    public CampaignSimulator(InfluenceModelOptions defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        _defaults = defaults.Simulation;
    }

    /// <inheritdoc/>
    CampaignResult ICampaignSimulator.Simulate(Campaign campaign, SimulationOptions? options, IProgress<double>? progress, CancellationToken cancellationToken) =>
        Simulate(campaign, options ?? _defaults, progress, cancellationToken);

    /// <inheritdoc/>
    CampaignComparison ICampaignSimulator.Compare(IReadOnlyList<Campaign> campaigns, SimulationOptions? options, CancellationToken cancellationToken) =>
        Compare(campaigns, options ?? _defaults, cancellationToken);

    /// <summary>Simulates <paramref name="campaign"/> over <see cref="SimulationOptions.Simulations"/> Monte-Carlo runs.</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="options">Simulations, seed, parallelism; null for the scenario's own simulations and seed.</param>
    /// <param name="progress">Receives the completed fraction in [0, 1]; optional.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>Per period and per channel: reach, awareness, adoption by mechanism, spend, cost per adoption and ROI with 95% intervals; the reserve's value; the community.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaign"/> is null.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static CampaignResult Simulate(Campaign campaign, SimulationOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        options ??= new SimulationOptions { Simulations = campaign.Scenario.Simulation.Simulations, Seed = campaign.Scenario.Simulation.Seed };
        var runs = new RunMetrics(campaign, options.Simulations);
        var network = new NetworkInfluence(campaign.Influence, campaign.Network);
        int done = 0;
        DeterministicParallel.For(
            options.Simulations,
            options.EffectiveParallelism,
            () => new RunState(campaign, network),
            (state, start, end) =>
            {
                for (int i = start; i < end; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    state.Run(i, options.Seed, runs);
                    int completed = Interlocked.Increment(ref done);
                    progress?.Report((double)completed / options.Simulations);
                }
            },
            cancellationToken);
        return runs.Summarise(options, cancellationToken);
    }

    /// <summary>Simulates every campaign with the same options (common random numbers: the same seed and streams).</summary>
    /// <param name="campaigns">The campaigns, at least one.</param>
    /// <param name="options">Simulations, seed, parallelism; null for each scenario's own.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The results in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="campaigns"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="campaigns"/> is empty.</exception>
    public static CampaignComparison Compare(IReadOnlyList<Campaign> campaigns, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        if (campaigns.Count == 0)
        {
            throw new ArgumentException("At least one campaign is needed.", nameof(campaigns));
        }

        // Every element is checked before anything is simulated.
        foreach (var campaign in campaigns)
        {
            ArgumentNullException.ThrowIfNull(campaign, nameof(campaigns));
        }

        var results = new CampaignResult[campaigns.Count];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = Simulate(campaigns[i], options, null, cancellationToken);
        }

        return new CampaignComparison(results);
    }

    /// <summary>Builds every scenario (each validated first) and simulates them on common random numbers.</summary>
    /// <param name="scenarios">The scenarios, at least one.</param>
    /// <param name="options">Simulations, seed, parallelism; null for each scenario's own.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The results in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenarios"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="scenarios"/> is empty.</exception>
    /// <exception cref="ScenarioValidationException">A scenario is invalid (nothing is simulated).</exception>
    public static CampaignComparison CompareScenarios(IReadOnlyList<CampaignScenario> scenarios, SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Count == 0)
        {
            throw new ArgumentException("At least one scenario is needed.", nameof(scenarios));
        }

        foreach (var scenario in scenarios)
        {
            ArgumentNullException.ThrowIfNull(scenario, nameof(scenarios));
        }

        var campaigns = new Campaign[scenarios.Count];
        for (int i = 0; i < campaigns.Length; i++)
        {
            campaigns[i] = Campaign.FromScenario(scenarios[i]);
        }

        return Compare(campaigns, options, cancellationToken);
    }

    /// <summary>Per-run outputs in slots [run], reduced in run order so the result never depends on the parallelism.</summary>
    private sealed class RunMetrics
    {
        public const int Reach = 0, Aware = 1, Adopters = 2, Baseline = 3, Organic = 4, Direct = 5, Ambassadors = 6, Compliance = 7, Identification = 8, Internalization = 9, Count = 10;

        public RunMetrics(Campaign campaign, int runs)
        {
            Campaign = campaign;
            Runs = runs;
            T = campaign.Periods;
            C = campaign.Planned.Length;
            Period = new double[runs * T * Count];
            ChannelPeriod = new double[runs * C * T * 2];
            ChannelTotal = new double[runs * (C + 1) * 3];
            Response = new double[C][];
            Spend = new double[T];
            for (int c = 0; c < C; c++)
            {
                PlannedChannel p = campaign.Planned[c];
                Response[c] = p.Channel.ResponseOverTime(p.SpendByPeriod);
                for (int t = 0; t < T; t++)
                {
                    Spend[t] += p.CostIn(t);
                }
            }

            for (int t = 0; t < T; t++)
            {
                Spend[t] += campaign.AmbassadorCostPerPeriod;
            }
        }

        public Campaign Campaign { get; }

        public int Runs { get; }

        public int T { get; }

        public int C { get; }

        public double[] Period { get; }

        public double[] ChannelPeriod { get; }

        /// <summary>Per run and channel (the last "channel" is the ambassador program): unique reach, direct adopters, attributed adopters.</summary>
        public double[] ChannelTotal { get; }

        public double[][] Response { get; }

        public double[] Spend { get; }

        public CampaignResult Summarise(SimulationOptions options, CancellationToken cancellationToken)
        {
            double value = Campaign.Scenario.Budget.ValuePerAdoption;
            var periods = new CampaignPeriodResult[T];
            double cumulative = 0;
            int phase = 0;
            for (int t = 0; t < T; t++)
            {
                while (t >= Campaign.Phases[phase].FirstPeriod + Campaign.Phases[phase].Periods)
                {
                    phase++;
                }

                cumulative += Spend[t];
                Estimate M(int k) => Stat(r => Period[(((r * T) + t) * Count) + k]);
                double spent = cumulative;
                Estimate incremental = Stat(r => Period[(((r * T) + t) * Count) + Adopters] - Period[(((r * T) + t) * Count) + Baseline]);
                periods[t] = new CampaignPeriodResult(
                    t + 1, Campaign.Phases[phase].Name, Spend[t], cumulative,
                    M(Reach), M(Aware), M(Adopters), M(Baseline), incremental, M(Organic), M(Direct), M(Ambassadors),
                    M(Compliance), M(Identification), M(Internalization),
                    CostPer(spent, incremental),
                    spent > 0 ? Stat(r => ((value * (Period[(((r * T) + t) * Count) + Adopters] - Period[(((r * T) + t) * Count) + Baseline])) - spent) / spent) : null);
            }

            var channels = new ChannelResult[C];
            for (int c = 0; c < C; c++)
            {
                PlannedChannel p = Campaign.Planned[c];
                var byPeriod = new ChannelPeriodResult[T];
                double total = 0;
                for (int t = 0; t < T; t++)
                {
                    total += p.CostIn(t);
                    int cc = c, tt = t;
                    byPeriod[t] = new ChannelPeriodResult(t + 1, p.CostIn(t), Response[c][t],
                        Stat(r => ChannelPeriod[((((r * C) + cc) * T) + tt) * 2]),
                        Stat(r => ChannelPeriod[(((((r * C) + cc) * T) + tt) * 2) + 1]));
                }

                channels[c] = ChannelSummary(p.Channel.Name, c, total, value, byPeriod);
            }

            int last = T - 1;
            Estimate finalIncremental = periods[last].IncrementalAdopters;
            double totalSpend = cumulative;
            var summary = new CampaignSummary(
                periods[last].Adopters,
                finalIncremental,
                Stat(r => ChannelTotal[(((r * (C + 1)) + C) * 3) + 2]),
                totalSpend,
                CostPer(totalSpend, finalIncremental),
                periods[last].Roi);
            return new CampaignResult(
                Campaign.Name, Runs, options.Seed, Campaign.Network.NodeCount, Campaign.Ambassadors, value,
                periods, channels, summary, ReserveAnalysis(channels, summary, options, cancellationToken), CommunityAnalysis(periods));
        }

        private ChannelResult ChannelSummary(string name, int c, double spend, double value, ChannelPeriodResult[] byPeriod)
        {
            Estimate attributed = Stat(r => ChannelTotal[(((r * (C + 1)) + c) * 3) + 2]);
            return new ChannelResult(
                name, spend,
                Stat(r => ChannelTotal[((r * (C + 1)) + c) * 3]),
                Stat(r => ChannelTotal[(((r * (C + 1)) + c) * 3) + 1]),
                attributed,
                CostPer(spend, attributed),
                spend > 0 ? Stat(r => ((value * ChannelTotal[(((r * (C + 1)) + c) * 3) + 2]) - spend) / spend) : null,
                byPeriod);
        }

        private ReserveValue ReserveAnalysis(ChannelResult[] channels, CampaignSummary summary, SimulationOptions options, CancellationToken cancellationToken)
        {
            // The committed lines earn what the campaign showed they earn: value per adoption × attributed adopters / spend.
            double value = Campaign.Scenario.Budget.ValuePerAdoption;
            var multiples = new double[C + 1];
            for (int c = 0; c < C; c++)
            {
                multiples[c] = channels[c].Spend > 0 ? Math.Max(0, value * channels[c].AttributedAdopters.Mean / channels[c].Spend) : 0;
            }

            double program = Campaign.AmbassadorCostPerPeriod * T;
            multiples[C] = program > 0 ? Math.Max(0, value * summary.AmbassadorAttributedAdopters.Mean / program) : 0;
            BudgetPlan plan = Campaign.PlanWithMultiples(multiples);
            BudgetSettings b = Campaign.Scenario.Budget;
            var budgetOptions = new SimulationOptions { Simulations = ReserveYears, Seed = options.Seed, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
            BudgetComparison comparison = BudgetSimulator.Compare(new BudgetComparisonRequest { Plan = plan, Opportunities = Campaign.Opportunities, Policies = [new AnnualFixedPolicy(), new ReservePolicy(b.ReserveShare, b.HurdleRate)] }, budgetOptions, cancellationToken: cancellationToken);
            ReserveCurve curve = ReserveOptimizer.Optimize(new ReserveRequest { Plan = plan, Opportunities = Campaign.Opportunities, Range = new ReserveRange(0, 0.5), Points = 11, HurdleRate = b.HurdleRate }, budgetOptions, cancellationToken: cancellationToken);
            BudgetOutcome fixedOutcome = comparison.Outcomes[0], reserveOutcome = comparison.Outcomes[1];
            return new ReserveValue(
                b.ReserveShare,
                new Estimate(reserveOutcome.Value.Mean, reserveOutcome.Value.StandardError),
                new Estimate(fixedOutcome.Value.Mean, fixedOutcome.Value.StandardError),
                reserveOutcome.OpportunitiesCaptured.Mean,
                curve.BestShare,
                [.. curve.Points.Select(p => new ReserveValuePoint(p.ReserveShare, new Estimate(p.Mean.Mean, p.Mean.StandardError)))]);
        }

        private CommunityOutcome CommunityAnalysis(CampaignPeriodResult[] periods)
        {
            CommunitySettings s = Campaign.Scenario.Community;
            var members = new double[T];
            double customers = 0;
            for (int t = 0; t < T; t++)
            {
                members[t] = s.JoinShare * periods[t].Adopters.Mean;
                customers = Math.Max(customers, periods[t].Adopters.Mean);
            }

            var inputs = new CommunityRoiInputs
            {
                Horizon = T,
                ObservedMembers = members,
                Customers = customers,
                QuestionsPerCustomer = s.QuestionsPerCustomer,
                CostPerTicket = s.CostPerTicket,
                CommunityFixedCostPerPeriod = s.FixedCostPerPeriod,
                LaunchCost = 0,
            };
            CommunityRoiCurve curve = CommunityRoiCalculator.Compute(inputs);
            return new CommunityOutcome(inputs, curve.NetPresentValue, curve.BreakEvenPeriod, curve.PaybackPeriod, curve.ReturnOnInvestment);
        }

        private static Estimate? CostPer(double spend, Estimate adopters)
        {
            if (spend <= 0 || adopters.Mean <= 0)
            {
                return null;
            }

            // Delta method for spend / mean: se = spend·se(mean) / mean².
            return new Estimate(spend / adopters.Mean, spend * adopters.StandardError / (adopters.Mean * adopters.Mean));
        }

        private Estimate Stat(Func<int, double> sample)
        {
            double sum = 0;
            for (int r = 0; r < Runs; r++)
            {
                sum += sample(r);
            }

            double mean = sum / Runs;
            if (Runs == 1)
            {
                return new Estimate(mean, 0);
            }

            double squares = 0;
            for (int r = 0; r < Runs; r++)
            {
                double d = sample(r) - mean;
                squares += d * d;
            }

            return new Estimate(mean, Math.Sqrt(squares / (Runs - 1) / Runs));
        }
    }

    /// <summary>Per-chunk scratch state: one Monte-Carlo run at a time.</summary>
    private sealed class RunState
    {
        private readonly Campaign _campaign;
        private readonly NetworkInfluence.Runner _network;
        private readonly int _n;
        private readonly bool[] _organic, _exposed, _adopted, _baseAdopted, _isAmbassador;
        private readonly bool[][] _channelEver;
        private readonly byte[] _direct;
        private readonly int[] _seeds, _baseSeeds, _group;

        public RunState(Campaign campaign, NetworkInfluence network)
        {
            _campaign = campaign;
            _network = network.CreateRunner();
            _n = campaign.Network.NodeCount;
            _organic = new bool[_n];
            _exposed = new bool[_n];
            _adopted = new bool[_n];
            _baseAdopted = new bool[_n];
            _isAmbassador = new bool[_n];
            foreach (int a in campaign.AmbassadorNodes)
            {
                _isAmbassador[a] = true;
            }

            _channelEver = new bool[campaign.Planned.Length][];
            for (int c = 0; c < _channelEver.Length; c++)
            {
                _channelEver[c] = new bool[_n];
            }

            _direct = new byte[_n];
            _seeds = new int[_n];
            _baseSeeds = new int[_n];
            _group = new int[_n];
            for (int v = 0; v < _n; v++)
            {
                _group[v] = campaign.Network.GroupOf(v);
            }
        }

        public void Run(int index, ulong seed, RunMetrics m)
        {
            Array.Clear(_organic);
            Array.Clear(_exposed);
            Array.Clear(_direct);
            foreach (bool[] ever in _channelEver)
            {
                Array.Clear(ever);
            }

            var exposure = new Xoshiro256(seed, 3UL * (ulong)index);
            var organicRng = new Xoshiro256(seed, (3UL * (ulong)index) + 1);
            ulong networkStream = (3UL * (ulong)index) + 2;
            double organicRate = _campaign.Scenario.Population.OrganicAdoptionRate;
            PlannedChannel[] planned = _campaign.Planned;
            int channels = planned.Length, segments = _campaign.SegmentSizes.Length, periods = m.T;
            var reachProbability = new double[channels * segments];
            var channelReach = new int[channels];
            var channelDirect = new int[channels];
            NetworkOutcome outcome = default;
            for (int t = 0; t < periods; t++)
            {
                for (int c = 0; c < channels; c++)
                {
                    for (int g = 0; g < segments; g++)
                    {
                        reachProbability[(c * segments) + g] = planned[c].Channel.Audience[g] * m.Response[c][t];
                    }
                }

                Array.Clear(channelReach);
                Array.Clear(channelDirect);
                bool ambassadorsActive = _campaign.AmbassadorsActiveByPeriod[t];
                int reach = 0;
                for (int v = 0; v < _n; v++)
                {
                    if (!_organic[v] && organicRng.NextDouble() < organicRate)
                    {
                        _organic[v] = true;
                    }

                    int g = _group[v];
                    bool reached = false;
                    for (int c = 0; c < channels; c++)
                    {
                        double p = reachProbability[(c * segments) + g];
                        if (p <= 0 || exposure.NextDouble() >= p)
                        {
                            continue;
                        }

                        reached = true;
                        channelReach[c]++;
                        _channelEver[c][v] = true;
                        if (_direct[v] == 0 && !_organic[v] && !(_isAmbassador[v] && ambassadorsActive)
                            && exposure.NextDouble() < planned[c].Channel.Action[g])
                        {
                            _direct[v] = (byte)(c + 1);
                            channelDirect[c]++;
                        }
                    }

                    if (reached)
                    {
                        _exposed[v] = true;
                        reach++;
                    }
                }

                // Seeds: active ambassadors, organic adopters, direct adopters (each consumer once, in that priority).
                int seeds = 0, baseSeeds = 0, organic = 0, direct = 0, ambassadors = 0;
                for (int v = 0; v < _n; v++)
                {
                    if (_isAmbassador[v] && ambassadorsActive)
                    {
                        ambassadors++;
                        _seeds[seeds++] = v;
                        if (_organic[v])
                        {
                            _baseSeeds[baseSeeds++] = v;
                        }
                    }
                    else if (_organic[v])
                    {
                        organic++;
                        _seeds[seeds++] = v;
                        _baseSeeds[baseSeeds++] = v;
                    }
                    else if (_direct[v] != 0)
                    {
                        direct++;
                        _seeds[seeds++] = v;
                    }
                }

                outcome = _network.Run(_seeds.AsSpan(0, seeds), seed, networkStream, _adopted);
                int baseline;
                if (seeds == baseSeeds)
                {
                    // Same seed set (no campaign seeds): the baseline world is this world.
                    Array.Copy(_adopted, _baseAdopted, _n);
                    baseline = outcome.Total;
                }
                else
                {
                    baseline = _network.Run(_baseSeeds.AsSpan(0, baseSeeds), seed, networkStream, _baseAdopted).Total;
                }

                int aware = 0;
                for (int v = 0; v < _n; v++)
                {
                    if (_exposed[v] || _adopted[v])
                    {
                        aware++;
                    }
                }

                int slot = ((index * periods) + t) * RunMetrics.Count;
                double[] row = m.Period;
                row[slot + RunMetrics.Reach] = reach;
                row[slot + RunMetrics.Aware] = aware;
                row[slot + RunMetrics.Adopters] = outcome.Total;
                row[slot + RunMetrics.Baseline] = baseline;
                row[slot + RunMetrics.Organic] = organic;
                row[slot + RunMetrics.Direct] = direct;
                row[slot + RunMetrics.Ambassadors] = ambassadors;
                row[slot + RunMetrics.Compliance] = outcome.Compliance;
                row[slot + RunMetrics.Identification] = outcome.Identification;
                row[slot + RunMetrics.Internalization] = outcome.Internalization;
                for (int c = 0; c < channels; c++)
                {
                    int cp = ((((index * channels) + c) * periods) + t) * 2;
                    m.ChannelPeriod[cp] = channelReach[c];
                    m.ChannelPeriod[cp + 1] = channelDirect[c];
                }
            }

            Attribute(index, m);
        }

        /// <summary>Final per-channel totals; word-of-mouth adopters attributed pro rata to the campaign's seeds.</summary>
        private void Attribute(int index, RunMetrics m)
        {
            int channels = m.C, periods = m.T;
            bool ambassadorsActive = _campaign.AmbassadorsActiveByPeriod[periods - 1];
            var direct = new int[channels];
            for (int v = 0; v < _n; v++)
            {
                if (_direct[v] != 0 && !_organic[v] && !(_isAmbassador[v] && ambassadorsActive))
                {
                    direct[_direct[v] - 1]++;
                }
            }

            int slot = (((index * periods) + periods - 1) * RunMetrics.Count);
            double incremental = m.Period[slot + RunMetrics.Adopters] - m.Period[slot + RunMetrics.Baseline];
            double ambassadors = m.Period[slot + RunMetrics.Ambassadors];
            double campaignSeeds = ambassadors;
            foreach (int d in direct)
            {
                campaignSeeds += d;
            }

            double wordOfMouth = incremental - campaignSeeds;
            for (int c = 0; c <= channels; c++)
            {
                int at = ((index * (channels + 1)) + c) * 3;
                double own = c < channels ? direct[c] : ambassadors;
                m.ChannelTotal[at + 1] = own;
                m.ChannelTotal[at + 2] = own + (campaignSeeds > 0 ? wordOfMouth * own / campaignSeeds : 0);
                if (c < channels)
                {
                    int unique = 0;
                    foreach (bool e in _channelEver[c])
                    {
                        unique += e ? 1 : 0;
                    }

                    m.ChannelTotal[at] = unique;
                }
            }
        }
    }
}
