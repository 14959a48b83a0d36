namespace NonTax.Frontend.EBills;

/// <summary>One notice's exchange: its <see cref="EBillExchangeStatus"/>, the protocol result code, why, and the bill.</summary>
public sealed record EBillExchangeLine(string PayCode, string Status, string Code, string Message, string? Bill)
{
    public bool Succeeded => Status is EBillExchangeStatus.Exchanged or EBillExchangeStatus.AlreadyExchanged
        or EBillExchangeStatus.Reversed or EBillExchangeStatus.AlreadyReversed;
}
