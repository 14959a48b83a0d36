namespace NonTax.Grains.Abstractions.EBills;

/// <summary>One payer SMS about a new e-bill, as <c>nontax.ebill_sms</c> holds it.</summary>
/// <param name="Attempts">Attempts made before this one.</param>
public sealed record EBillSms(string BillCode, long BillNumber, string PayCode, string CheckCode, string Phone, string PayerName, int Attempts)
{
    public string Key => $"{BillCode}-{BillNumber:D10}";
}
