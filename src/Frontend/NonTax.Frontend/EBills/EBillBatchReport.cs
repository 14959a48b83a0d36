namespace NonTax.Frontend.EBills;

/// <summary>A batch exchange: a line per notice in the order given, and the count of each status.</summary>
public sealed record EBillBatchReport(IReadOnlyList<EBillExchangeLine> Lines)
{
    public int Exchanged => Count(EBillExchangeStatus.Exchanged);

    public int AlreadyExchanged => Count(EBillExchangeStatus.AlreadyExchanged);

    public int NotPaid => Count(EBillExchangeStatus.NotPaid);

    public int NoStock => Count(EBillExchangeStatus.NoStock);

    public int Other => Lines.Count - Exchanged - AlreadyExchanged - NotPaid - NoStock;

    private int Count(string status) => Lines.Count(l => l.Status == status);
}
