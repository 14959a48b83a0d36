namespace NonTax.Grains.Abstractions.Bills;

/// <summary>Whether a bill code's numbers are electronic (e-bills) or printed paper bills.</summary>
public enum BillMedium
{
    Electronic = 0,
    Paper = 1,
}
