using NonTax.Grains.Abstractions.Money;

namespace NonTax.Grains.Abstractions.Items;

/// <summary>An item's charging standard (收费标准), per unit of measure.</summary>
[GenerateSerializer, Immutable]
public sealed record ChargingStandard(
    [property: Id(0)] StandardKind Kind,
    [property: Id(1)] decimal Lower = 0,
    [property: Id(2)] decimal Upper = 0)
{
    public static ChargingStandard Fixed(decimal amount) => new(StandardKind.Fixed, amount, amount);
    public static ChargingStandard Between(decimal lower, decimal upper) => new(StandardKind.Bounds, lower, upper);
    public static ChargingStandard Unrestricted { get; } = new(StandardKind.Unrestricted);

    /// <summary>Whether a line of <paramref name="quantity"/> units may charge <paramref name="amount"/>.</summary>
    public bool Allows(decimal amount, decimal quantity) => Kind switch
    {
        StandardKind.Fixed => amount == MoneyMath.RoundToCent(Lower * quantity),
        StandardKind.Bounds => amount >= MoneyMath.RoundToCent(Lower * quantity) && amount <= MoneyMath.RoundToCent(Upper * quantity),
        _ => true,
    };

    public override string ToString() => Kind switch
    {
        StandardKind.Fixed => MoneyMath.Format(Lower),
        StandardKind.Bounds => $"{MoneyMath.Format(Lower)}-{MoneyMath.Format(Upper)}",
        _ => "不限制",
    };
}
