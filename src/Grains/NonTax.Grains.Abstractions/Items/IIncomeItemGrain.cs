namespace NonTax.Grains.Abstractions.Items;

/// <summary>An income item, keyed by its own item code (e.g. 103043211).</summary>
public interface IIncomeItemGrain : IGrainWithStringKey
{
    /// <summary>Creates or changes the item (versioned, logged) and binds its national code.</summary>
    Task<string> Define(IncomeItemDefinition definition, string operatorName);

    Task<IncomeItemDefinition?> Get();
}
