using InfluenceModel.Internal;

namespace InfluenceModel.Campaigns;

/// <summary>
/// One Monte-Carlo run of a campaign, period by period (the per-thread engine; its buffers are reused run after run, so
/// one instance per worker, not thread-safe). Random streams: run i draws exposures and actions from (seed, 3i),
/// organic adoption from (seed, 3i + 1) and the influence model from (seed, 3i + 2) afresh each period.
/// </summary>
internal sealed class CampaignRun
{
    private readonly Campaign _campaign;
    private readonly CampaignSchedule _schedule;
    private readonly NetworkInfluence.Runner _network;
    private readonly int _n;
    private readonly bool[] _organic, _exposed, _adopted, _baseAdopted, _isAmbassador;
    private readonly bool[][] _channelEver;
    private readonly byte[] _direct;
    private readonly int[] _seeds, _baseSeeds, _group;

    public CampaignRun(Campaign campaign, CampaignSchedule schedule, NetworkInfluence network)
    {
        _campaign = campaign;
        _schedule = schedule;
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

    /// <summary>
    /// Runs simulation <paramref name="offset"/> + <paramref name="index"/> and writes its figures into slot
    /// <paramref name="index"/> of <paramref name="m"/>; checks the token once per period.
    /// </summary>
    public void Run(int index, int offset, ulong seed, CampaignSamples m, CancellationToken cancellationToken)
    {
        Array.Clear(_organic);
        Array.Clear(_exposed);
        Array.Clear(_direct);
        foreach (bool[] ever in _channelEver)
        {
            Array.Clear(ever);
        }

        ulong run = (ulong)(offset + (long)index);
        var exposure = new Xoshiro256(seed, 3UL * run);
        var organicRng = new Xoshiro256(seed, (3UL * run) + 1);
        ulong networkStream = (3UL * run) + 2;
        double organicRate = _campaign.Population.OrganicAdoptionRate;
        PlannedChannel[] planned = _campaign.Planned;
        int channels = planned.Length, segments = _campaign.SegmentSizes.Count, periods = m.Periods;
        var reachProbability = new double[channels * segments];
        var channelReach = new int[channels];
        var channelDirect = new int[channels];
        NetworkOutcome outcome = default;
        for (int t = 0; t < periods; t++)
        {
            // A period of a 10,000-consumer run takes a few milliseconds: checking here stops well within 100 ms.
            cancellationToken.ThrowIfCancellationRequested();
            for (int c = 0; c < channels; c++)
            {
                for (int g = 0; g < segments; g++)
                {
                    reachProbability[(c * segments) + g] = planned[c].Channel.Audience[g] * _schedule.Response[c][t];
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

            m.Reach[t, index] = reach;
            m.Aware[t, index] = aware;
            m.Adopters[t, index] = outcome.Total;
            m.BaselineAdopters[t, index] = baseline;
            m.Organic[t, index] = organic;
            m.Direct[t, index] = direct;
            m.Ambassadors[t, index] = ambassadors;
            m.Compliance[t, index] = outcome.Compliance;
            m.Identification[t, index] = outcome.Identification;
            m.Internalization[t, index] = outcome.Internalization;
            for (int c = 0; c < channels; c++)
            {
                m.ChannelReach[c][t, index] = channelReach[c];
                m.ChannelNewDirect[c][t, index] = channelDirect[c];
            }
        }

        Attribute(index, m);
    }

    /// <summary>Final per-channel totals; word-of-mouth adopters attributed pro rata to the campaign's seeds.</summary>
    private void Attribute(int index, CampaignSamples m)
    {
        int channels = m.ChannelDirect.Length, periods = m.Periods;
        bool ambassadorsActive = _campaign.AmbassadorsActiveByPeriod[periods - 1];
        var direct = new int[channels];
        for (int v = 0; v < _n; v++)
        {
            if (_direct[v] != 0 && !_organic[v] && !(_isAmbassador[v] && ambassadorsActive))
            {
                direct[_direct[v] - 1]++;
            }
        }

        int last = periods - 1;
        double incremental = m.Adopters[last, index] - m.BaselineAdopters[last, index];
        double ambassadors = m.Ambassadors[last, index];
        double campaignSeeds = ambassadors;
        foreach (int d in direct)
        {
            campaignSeeds += d;
        }

        double wordOfMouth = incremental - campaignSeeds;
        double Attributed(double own) => own + (campaignSeeds > 0 ? wordOfMouth * own / campaignSeeds : 0);
        for (int c = 0; c < channels; c++)
        {
            int unique = 0;
            foreach (bool e in _channelEver[c])
            {
                unique += e ? 1 : 0;
            }

            m.ChannelUniqueReach[c][index] = unique;
            m.ChannelDirect[c][index] = direct[c];
            m.ChannelAttributed[c][index] = Attributed(direct[c]);
        }

        m.AmbassadorAttributed[index] = Attributed(ambassadors);
    }
}
