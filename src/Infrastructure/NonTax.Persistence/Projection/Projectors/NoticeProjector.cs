using NonTax.Grains.Abstractions.Journal;
using NonTax.Persistence.Storage;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>notices</c> and <c>notice_lines</c>: a row per payment code from notice.issued, moved to paid
/// or void by notice.confirmed / notice.voided. Paid and void are final in the grain, so the
/// updates only ever leave 'unpaid'; a replayed or late fact finds nothing to change.
/// notice.remitted (recorded by the unit) stamps a paid notice once; monitoring counts the paid
/// notices without the stamp.
/// </summary>
public sealed class NoticeProjector : IFactProjector
{
    private const string InsertNoticeSql = """
        INSERT INTO nontax.notices (pay_code, unit_code, region_code, issue_date, due_date, last_payable_date,
            payer_name, payer_type, payer_mobile, payer_credit_code, payee_acct, notice_amount, status,
            issuer_node, confirm_back, issued_by, issued_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'unpaid', $13, $14, $15, $16)
        ON CONFLICT (pay_code) DO NOTHING
        """;

    private const string InsertLineSql = """
        INSERT INTO nontax.notice_lines (pay_code, line_no, national_item_code, item_code, item_name, unit_of_measure, quantity, amount)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (pay_code, line_no) DO NOTHING
        """;

    private const string PaidSql = """
        UPDATE nontax.notices
           SET status = 'paid', paid_amount = $2, paid_src = $3, paid_tra_no_bus = $4, paid_cfm_date = $5, paid_at = $6
         WHERE pay_code = $1 AND status = 'unpaid'
        """;

    private const string VoidedSql = """
        UPDATE nontax.notices
           SET status = 'void', void_date = $2, void_reason = $3, voided_by = $4, voided_at = $5
         WHERE pay_code = $1 AND status = 'unpaid'
        """;

    // The unit code guards against a unit marking another unit's notice.
    private const string RemittedSql = """
        UPDATE nontax.notices
           SET remitted_date = $3, remitted_at = $4
         WHERE pay_code = $1 AND unit_code = $2 AND status = 'paid' AND remitted_at IS NULL
        """;

    public bool Handles(string kind) =>
        kind is FactKinds.NoticeIssued or FactKinds.NoticeConfirmed or FactKinds.NoticeVoided or FactKinds.NoticeRemitted;

    public void AddCommands(NpgsqlBatch batch, BusinessFact fact)
    {
        var payload = FactPayload.Of(fact);
        switch (fact.Kind)
        {
            case FactKinds.NoticeIssued:
                Issued(batch, fact, payload);
                break;
            case FactKinds.NoticeConfirmed:
                ProjectionCommand.Add(batch, PaidSql,
                    Text(payload.Text("payCode")), Money(payload.Money("amount")), Text(payload.Text("src")),
                    Text(payload.Text("traNoBus")), Date(payload.Date("cfmDate")), Instant(fact.OccurredAt));
                break;
            case FactKinds.NoticeVoided:
                ProjectionCommand.Add(batch, VoidedSql,
                    Text(payload.Text("payCode")), Date(payload.Date("voidDate")), Text(payload.Text("reason")),
                    Text(payload.Text("operator")), Instant(fact.OccurredAt));
                break;
            case FactKinds.NoticeRemitted:
                ProjectionCommand.Add(batch, RemittedSql,
                    Text(payload.Text("payCode")), Text(payload.Text("unitCode")), Date(payload.Date("remittedDate")),
                    Instant(fact.OccurredAt));
                break;
        }
    }

    private static void Issued(NpgsqlBatch batch, BusinessFact fact, FactPayload payload)
    {
        var payCode = payload.Text("payCode");
        ProjectionCommand.Add(batch, InsertNoticeSql,
            Text(payCode),
            Text(payload.Text("unitCode")),
            Text(payload.Text("regionCode")),
            Date(payload.Date("issueDate")),
            Date(payload.Date("dueDate")),
            Date(payload.Date("lastPayableDate")),
            Text(payload.Text("payerName")),
            Int(payload.Int("payerType")),
            Text(Blank(payload.OptionalText("payerMobile"))),
            Text(Blank(payload.OptionalText("payerCreditCode"))),
            Text(payload.Text("payeeAcct")),
            Money(payload.Money("amount")),
            Text(Blank(payload.OptionalText("issuerNode"))),
            Bool(payload.Bool("confirmBack")),
            Text(payload.Text("operator")),
            Instant(fact.OccurredAt));

        var lines = payload.Array("lines");
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            ProjectionCommand.Add(batch, InsertLineSql,
                Text(payCode),
                Int(i + 1),
                Text(line.Text("nationalItemCode")),
                Text(line.Text("itemCode")),
                Text(line.Text("itemName")),
                Text(line.Text("unitOfMeasure")),
                Number(line.Number("quantity")),
                Money(line.Money("amount")));
        }
    }

    // Empty and absent mean the same on the wire; store one of them so lookups need not know.
    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
