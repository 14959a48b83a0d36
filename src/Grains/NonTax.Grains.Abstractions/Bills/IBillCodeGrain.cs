using Orleans.Concurrency;

namespace NonTax.Grains.Abstractions.Bills;

/// <summary>
/// One bill code (票据代码), keyed by its 8 digits: the single place where ranges of that code enter
/// stock, so two receipts are checked for overlap one after the other. It keeps no state; the
/// ranges received so far are read from the projection (<see cref="IBillRangeDirectory"/>).
/// </summary>
public interface IBillCodeGrain : IGrainWithStringKey
{
    /// <summary>Receives a range from the higher level (入库); refused 20004 when it overlaps any range of the code.</summary>
    Task<BillStockResult> Receive(long first, long last, BillMedium medium, string financeNode, string source, string operatorName);

    /// <summary>
    /// Takes the next unused number of this code from <paramref name="unitCode"/>'s stock, range after
    /// range in number order; 18030 when the unit has none left.
    /// </summary>
    [AlwaysInterleave]
    Task<BillStockResult> TakeNext(string unitCode);
}
