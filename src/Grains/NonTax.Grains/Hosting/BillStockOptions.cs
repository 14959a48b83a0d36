namespace NonTax.Grains.Hosting;

/// <summary>Bill stock settings (configuration section <c>Bills</c>).</summary>
public sealed class BillStockOptions
{
    public const string Section = "Bills";

    /// <summary>
    /// A unit left with this many unused numbers of a bill code or fewer after taking one gets a
    /// <c>bill.low-stock</c> alert (at most one per unit, code and China day); 0 turns it off.
    /// </summary>
    public long LowStockThreshold { get; set; } = 50;
}
