// Deliberate layer violations, checked by LayerTests.RuleEngine_FlagsKnownViolations so the rule engine is known to bite.
// They live in the test assembly only; the rules are applied to them with the root "...Architecture.Samples".
#pragma warning disable CA1812, CA1822, CA1515, IDE0059, CA1823, S1144

namespace InfluenceModel.Tests.Architecture.Samples.Networks
{
    /// <summary>A lower layer using a higher one inside a method body only.</summary>
    internal sealed class LowerUsesHigher
    {
        public int Count() => new Seeding.Selector().Pick().Length;
    }

    /// <summary>A lower layer using its own layer and the root: allowed.</summary>
    internal sealed class UsesOwnLayerAndRoot
    {
        public RootThing Thing { get; } = new();

        public LowerUsesHigher? Peer { get; init; }
    }
}

namespace InfluenceModel.Tests.Architecture.Samples.Seeding
{
    internal sealed class Selector
    {
        public int[] Pick() => [];
    }

    /// <summary>A domain layer that knows DI (through a field type).</summary>
    internal sealed class KnowsDependencyInjection
    {
        public Microsoft.Extensions.DependencyInjection.IServiceCollection? Services { get; init; }
    }
}

namespace InfluenceModel.Tests.Architecture.Samples.Community
{
    /// <summary>Community may use Diffusion's Bass model…</summary>
    internal sealed class UsesBass
    {
        public Diffusion.BassCurve? Curve { get; init; }
    }

    /// <summary>…but nothing else of Diffusion.</summary>
    internal sealed class UsesCascade
    {
        public Diffusion.Cascade? Cascade { get; init; }
    }
}

namespace InfluenceModel.Tests.Architecture.Samples.Diffusion
{
    internal sealed class BassCurve;

    internal sealed class Cascade;
}

namespace InfluenceModel.Tests.Architecture.Samples.Unlisted
{
    /// <summary>A namespace without a rule.</summary>
    internal sealed class Newcomer;
}

namespace InfluenceModel.Tests.Architecture.Samples
{
    internal sealed class RootThing;
}
