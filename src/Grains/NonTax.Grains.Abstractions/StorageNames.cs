namespace NonTax.Grains.Abstractions;

/// <summary>Names of the grain storage providers every host registers.</summary>
public static class StorageNames
{
    /// <summary>
    /// The project's batched PostgreSQL provider for domain grains: state, business facts and unique
    /// claims of many grains are committed together in one transaction.
    /// </summary>
    public const string Domain = "nontax";

    /// <summary>The stock Orleans ADO.NET provider, for grains whose writes are rare.</summary>
    public const string Default = "Default";
}
