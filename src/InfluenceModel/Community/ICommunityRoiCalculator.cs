namespace InfluenceModel.Community;

/// <summary>Computes the community ROI curve; the injectable form of <see cref="CommunityRoiCalculator.Compute"/>
/// (registered by <c>AddInfluenceModel</c>).</summary>
public interface ICommunityRoiCalculator
{
    /// <summary>Computes the curve and its summary for <paramref name="inputs"/>.</summary>
    /// <param name="inputs">The validated inputs.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    CommunityRoiCurve Compute(CommunityRoiInputs inputs);
}
