using NonTax.Integration.Tests.Edge;

namespace NonTax.Integration.Tests.Projection;

/// <summary>The projection tests that go through the socket edge share one running system.</summary>
[CollectionDefinition(Name)]
public sealed class ProjectionEdgeCollection : ICollectionFixture<EdgeSystemFixture>
{
    public const string Name = "projection-edge";
}
