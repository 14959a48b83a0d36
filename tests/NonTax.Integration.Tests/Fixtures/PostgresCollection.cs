namespace NonTax.Integration.Tests.Fixtures;

/// <summary>Test classes marked <c>[Collection(PostgresCollection.Name)]</c> share one test database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
