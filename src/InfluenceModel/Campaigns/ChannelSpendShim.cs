namespace InfluenceModel.Channels;

/// <summary>TEMPORARY until shape-channels is merged: one channel's money per period.</summary>
public sealed record ChannelSpend
{
    /// <summary>Creates the line.</summary>
    /// <param name="name">Channel name.</param>
    /// <param name="spendByPeriod">Money per period.</param>
    public ChannelSpend(string name, IReadOnlyList<double> spendByPeriod)
    {
        Name = name;
        SpendByPeriod = Array.AsReadOnly([.. spendByPeriod]);
    }

    /// <summary>Channel name.</summary>
    public string Name { get; }

    /// <summary>Money per period.</summary>
    public IReadOnlyList<double> SpendByPeriod { get; }
}

/// <summary>TEMPORARY until shape-channels is merged: the response-curve family.</summary>
public enum ResponseCurveKind
{
    /// <summary>Hill.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("hill")]
    Hill,

    /// <summary>Logistic.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("logistic")]
    Logistic,

    /// <summary>Michaelis–Menten.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("michaelisMenten")]
    MichaelisMenten,
}
