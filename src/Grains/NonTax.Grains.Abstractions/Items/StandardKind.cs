namespace NonTax.Grains.Abstractions.Items;

public enum StandardKind
{
    /// <summary>不限制</summary>
    Unrestricted = 0,
    /// <summary>A fixed amount per unit of measure.</summary>
    Fixed = 1,
    /// <summary>Lower–upper bounds per unit of measure.</summary>
    Bounds = 2,
}
