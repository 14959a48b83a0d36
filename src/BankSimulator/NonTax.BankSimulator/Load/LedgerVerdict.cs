namespace NonTax.BankSimulator.Load;

/// <summary>
/// The ledger check's answer: how many acknowledgements were checked and what is wrong.
/// <see cref="Missing"/> may still be in flight (projections are written after the reply);
/// <see cref="Violations"/> can never heal (a second revenue row, a second refund).
/// </summary>
public sealed record LedgerVerdict(int RevenueChecked, int RefundsChecked, IReadOnlyList<string> Missing, IReadOnlyList<string> Violations)
{
    public bool Holds => Missing.Count == 0 && Violations.Count == 0;

    /// <summary>
    /// Every 00000 must be the one revenue row of its code (stored once, under that bank and
    /// TraNoBus) and every 10006 must have exactly one technical refund for that bank and TraNoBus.
    /// </summary>
    public static LedgerVerdict Judge(IReadOnlyCollection<Acknowledgement> acknowledged, IReadOnlyCollection<StoredConfirmation> confirmations, IReadOnlyCollection<StoredRefund> refunds)
    {
        ArgumentNullException.ThrowIfNull(acknowledged);
        ArgumentNullException.ThrowIfNull(confirmations);
        ArgumentNullException.ThrowIfNull(refunds);
        var revenueByCode = confirmations.Where(c => c.Outcome == "revenue").ToLookup(c => c.PayCode, StringComparer.Ordinal);
        var refundsByTransaction = refunds.ToLookup(r => (r.Bank, r.OriTraNoBus));
        var missing = new List<string>();
        var violations = new List<string>();
        var revenue = 0;
        var refunded = 0;
        foreach (var ack in acknowledged)
        {
            if (ack.Result == "00000")
            {
                revenue++;
                var rows = revenueByCode[ack.PayCode].ToList();
                var mine = rows.Count(r => r.Src == ack.Bank && r.TraNoBus == ack.TraNoBus);
                if (rows.Count == 0)
                {
                    missing.Add($"{ack.PayCode}: 00000 to {ack.Bank} {ack.TraNoBus} has no revenue row");
                }
                else if (rows.Count > 1)
                {
                    violations.Add($"{ack.PayCode}: {rows.Count} revenue rows");
                }
                else if (mine != 1)
                {
                    violations.Add($"{ack.PayCode}: 00000 to {ack.Bank} {ack.TraNoBus} but revenue is {rows[0].Src} {rows[0].TraNoBus}");
                }
            }
            else if (ack.Result == "10006")
            {
                refunded++;
                var count = refundsByTransaction[(ack.Bank, ack.TraNoBus)].Count();
                if (count == 0)
                {
                    missing.Add($"{ack.PayCode}: 10006 to {ack.Bank} {ack.TraNoBus} has no technical refund");
                }
                else if (count > 1)
                {
                    violations.Add($"{ack.PayCode}: 10006 to {ack.Bank} {ack.TraNoBus} has {count} technical refunds");
                }
            }
        }

        return new LedgerVerdict(revenue, refunded, missing, violations);
    }
}
