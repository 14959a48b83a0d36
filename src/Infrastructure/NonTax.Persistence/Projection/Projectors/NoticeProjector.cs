using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
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
public sealed class NoticeProjector : FactProjector
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

    public NoticeProjector()
    {
        On<NoticeIssued>(Issued);
        On<NoticeConfirmed>((batch, fact, paid) =>
            ProjectionCommand.Add(batch, PaidSql,
                Text(paid.PayCode), Money(paid.Amount), Text(paid.Src), Text(paid.TraNoBus), Date(paid.CfmDate), Instant(fact.OccurredAt)));
        On<NoticeVoided>((batch, fact, voided) =>
            ProjectionCommand.Add(batch, VoidedSql,
                Text(voided.PayCode), Date(voided.VoidDate), Text(voided.Reason), Text(voided.Operator), Instant(fact.OccurredAt)));
        On<NoticeRemitted>((batch, fact, remitted) =>
            ProjectionCommand.Add(batch, RemittedSql,
                Text(remitted.PayCode), Text(remitted.UnitCode), Date(remitted.RemittedDate), Instant(fact.OccurredAt)));
    }

    private static void Issued(NpgsqlBatch batch, BusinessFact fact, NoticeIssued notice)
    {
        ProjectionCommand.Add(batch, InsertNoticeSql,
            Text(notice.PayCode),
            Text(notice.UnitCode),
            Text(notice.RegionCode),
            Date(notice.IssueDate),
            Date(notice.DueDate),
            Date(notice.LastPayableDate),
            Text(notice.PayerName),
            Int(notice.PayerType),
            Text(Blank(notice.PayerMobile)),
            Text(Blank(notice.PayerCreditCode)),
            Text(notice.PayeeAcct),
            Money(notice.Amount),
            Text(Blank(notice.IssuerNode)),
            Bool(notice.ConfirmBack),
            Text(notice.Operator),
            Instant(fact.OccurredAt));

        for (var i = 0; i < notice.Lines.Count; i++)
        {
            var line = notice.Lines[i];
            ProjectionCommand.Add(batch, InsertLineSql,
                Text(notice.PayCode),
                Int(i + 1),
                Text(line.NationalItemCode),
                Text(line.ItemCode),
                Text(line.ItemName),
                Text(line.UnitOfMeasure),
                Number(line.Quantity),
                Money(line.Amount));
        }
    }

    // Empty and absent mean the same on the wire; store one of them so lookups need not know.
    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
