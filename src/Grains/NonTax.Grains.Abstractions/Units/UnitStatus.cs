namespace NonTax.Grains.Abstractions.Units;

public enum UnitStatus
{
    /// <summary>Closed or suspended by the bureau; may not issue.</summary>
    Inactive = 0,
    Active = 1,
}
