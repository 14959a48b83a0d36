namespace NonTax.Grains.Abstractions.Bills;

/// <summary>
/// The answer to a bill stock operation: a protocol result code (00000 success, 18030 no stock, 20001 bad
/// request, 20004 not allowed in this state) and a message saying why, plus the range as it is now.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BillStockResult(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] BillRangeView? Range = null,
    [property: Id(3)] long? Number = null)
{
    public bool Succeeded => Code == NonTax.Protocol.Results.ResultCodes.Success;
}
