namespace NonTax.Grains.Abstractions.Bills;

/// <summary>
/// One range of bill numbers (号段), keyed "{billCode}-{firstNumber:D10}"
/// (<see cref="BillNumberRange.GrainKey"/>). It serialises every movement of its numbers: who
/// holds them (finance stock or a unit), how far the unit has taken them, voids and write-offs.
/// Handing over part of a range splits it: this grain keeps the head and creates the grain of the
/// tail, so the numbers taken are a watermark, never a list (docs/architecture.md "Bill stock").
/// </summary>
public interface IBillRangeGrain : IGrainWithStringKey
{
    /// <summary>Null when no range starts here.</summary>
    Task<BillRangeView?> Get();

    /// <summary>
    /// Called by <see cref="IBillCodeGrain"/> only, after it checked for overlap: puts a range received
    /// from the higher level into finance stock. Repeating the same receipt is a no-op success.
    /// </summary>
    Task<BillStockResult> Receive(BillNumberRange range, BillMedium medium, string financeNode, string source, string operatorName);

    /// <summary>Finance distributes the first <paramref name="count"/> unused numbers (all when null) to a unit.</summary>
    Task<BillStockResult> Distribute(string unitCode, long? count, string operatorName);

    /// <summary>Finance recalls the unused part from the unit holding it (收回).</summary>
    Task<BillStockResult> Recall(string financeNode, string operatorName);

    /// <summary>The holding unit returns its unused part to finance stock (缴回).</summary>
    Task<BillStockResult> ReturnUnused(string unitCode, string financeNode, string operatorName);

    /// <summary>The holding unit takes its next unused number (8999); 18030 when none is left.</summary>
    Task<BillStockResult> TakeNext(string unitCode);

    /// <summary>
    /// The holding unit voids a number it has taken but not used for a bill (作废), e.g. a spoiled
    /// paper bill. A number used by an issued e-bill cannot be voided, nor a voided one used.
    /// </summary>
    Task<BillStockResult> Void(string unitCode, long number, string reason, string operatorName);

    /// <summary>A voided paper bill has been handed back to finance.</summary>
    Task<BillStockResult> ReturnVoided(long number, string operatorName);

    /// <summary>Finance checks off (核销) taken numbers up to <paramref name="throughNumber"/>.</summary>
    Task<BillStockResult> WriteOff(long throughNumber, string operatorName);

    /// <summary>Whether <paramref name="number"/> lies in this range and was taken by <paramref name="unitCode"/>.</summary>
    Task<bool> WasTakenBy(long number, string unitCode);

    /// <summary>
    /// Called by the range this one was split from (<paramref name="splitFrom"/> is its first number): the
    /// unused tail goes to finance stock. Idempotent on the same range.
    /// </summary>
    Task<BillStockResult> CreateSplit(BillNumberRange range, BillMedium medium, string financeNode, long splitFrom, string operatorName);
}
