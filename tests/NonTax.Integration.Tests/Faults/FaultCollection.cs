namespace NonTax.Integration.Tests.Faults;

/// <summary>
/// Fault runs start processes, their own PostgreSQL and a steady load, and kill things: they run
/// alone, after the test collections that run side by side, so neither slows or disturbs the other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "faults";
}
