using NonTax.Grains.Abstractions.Journal.Facts;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>ebills</c> from <c>ebill.issued</c>, and the number's <c>bill_numbers</c> row marked used by
/// the notice, and the payer's SMS queued in <c>ebill_sms</c> when a phone is known. All idempotent:
/// a replayed fact adds no row and changes no used number.
/// </summary>
public sealed class EBillProjector : FactProjector
{
    private const string InsertBillSql = """
        INSERT INTO nontax.ebills (bill_code, bill_number, pay_code, unit_code, red_letter, related_code, related_number, check_code,
                                   total_amount, payer_name, payer_phone, channel, operator, issued_at, document, fact_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, decode($15, 'base64'), $16)
        ON CONFLICT (bill_code, bill_number) DO NOTHING
        """;

    private const string UseNumberSql = """
        UPDATE nontax.bill_numbers SET status = 'used', pay_code = $3, used_at = $4
         WHERE bill_code = $1 AND number = $2 AND status = 'taken'
        """;

    private const string QueueSmsSql = """
        INSERT INTO nontax.ebill_sms (bill_code, bill_number, pay_code, check_code, phone, payer_name)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (bill_code, bill_number) DO NOTHING
        """;

    public EBillProjector()
    {
        On<EBillIssued>((batch, fact, bill) =>
        {
            Add(batch, InsertBillSql,
                Text(bill.BillCode), Long(bill.BillNumber), Text(bill.PayCode), Text(bill.UnitCode), Bool(bill.RedLetter), Text(bill.RelatedCode),
                LongOrNull(bill.RelatedNumber), Text(bill.CheckCode),
                Money(bill.TotalAmount), Text(bill.PayerName), Text(bill.PayerPhone), Text(bill.Channel), Text(bill.Operator),
                Instant(bill.IssuedAt), Text(bill.Document), Text(fact.FactId));
            Add(batch, UseNumberSql, Text(bill.BillCode), Long(bill.BillNumber), Text(bill.PayCode), Instant(bill.IssuedAt));
            if (!bill.RedLetter && !string.IsNullOrWhiteSpace(bill.PayerPhone))
            {
                Add(batch, QueueSmsSql, Text(bill.BillCode), Long(bill.BillNumber), Text(bill.PayCode), Text(bill.CheckCode), Text(bill.PayerPhone.Trim()),
                    Text(bill.PayerName));
            }
        });
    }
}
