namespace InfluenceModel.Community;

/// <summary>
/// Computes the community ROI curve for host apps (registered by <c>AddInfluenceModel</c>); the same signature as the
/// static <see cref="CommunityRoiCalculator.Compute"/>. A closed-form model: no simulation options, no progress.
/// </summary>
public interface ICommunityRoiCalculator
{
    /// <inheritdoc cref="CommunityRoiCalculator.Compute"/>
    CommunityRoiCurve Compute(CommunityRoiInputs inputs, CancellationToken cancellationToken = default);
}

/// <summary>The <see cref="ICommunityRoiCalculator"/> registered for hosts: forwards to the façade. Stateless and thread-safe.</summary>
internal sealed class CommunityRoiCalculatorService : ICommunityRoiCalculator
{
    public CommunityRoiCurve Compute(CommunityRoiInputs inputs, CancellationToken cancellationToken = default) =>
        CommunityRoiCalculator.Compute(inputs, cancellationToken);
}
