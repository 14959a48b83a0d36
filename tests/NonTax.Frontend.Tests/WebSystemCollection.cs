namespace NonTax.Frontend.Tests;

[CollectionDefinition(Name)]
public sealed class WebSystemCollection : ICollectionFixture<WebSystemFixture>
{
    public const string Name = "web system";
}
