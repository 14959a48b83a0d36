namespace NonTax.Grains.Abstractions.EBills;

/// <summary>
/// The answer to an exchange or reversal: a protocol result code (00000 issued, 10001 unknown
/// notice, 18030 no stock, 20001 a bill that does not check out, 20004 not allowed now) with why,
/// and the bill when there is one. <see cref="Repeated"/>: the notice already had this bill, nothing new was made.
/// </summary>
[GenerateSerializer, Immutable, Alias("ebill.outcome")]
public sealed record EBillOutcome(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] IssuedEBill? Bill = null,
    [property: Id(3)] bool Repeated = false)
{
    public bool Succeeded => Code == NonTax.Protocol.Results.ResultCodes.Success;
}
