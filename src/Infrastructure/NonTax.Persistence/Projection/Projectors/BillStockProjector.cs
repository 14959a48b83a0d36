using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Npgsql;
using static NonTax.Persistence.Projection.ProjectionCommand;

namespace NonTax.Persistence.Projection.Projectors;

/// <summary>
/// <c>bill_ranges</c>, <c>bill_movements</c> and <c>bill_numbers</c> from the bill facts. Every bill
/// fact carries its range as it left it; the range row takes only a newer version, so replays in
/// any order change nothing.
/// </summary>
public sealed class BillStockProjector : FactProjector
{
    private const string UpsertRangeSql = """
        INSERT INTO nontax.bill_ranges (bill_code, range_first, range_last, medium, holder, held_by_unit, next_unused, voided,
                                        written_off_through, version, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        ON CONFLICT (bill_code, range_first) DO UPDATE
           SET range_last = EXCLUDED.range_last, medium = EXCLUDED.medium, holder = EXCLUDED.holder,
               held_by_unit = EXCLUDED.held_by_unit, next_unused = EXCLUDED.next_unused, voided = EXCLUDED.voided,
               written_off_through = EXCLUDED.written_off_through, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
         WHERE nontax.bill_ranges.version < EXCLUDED.version
        """;

    private const string InsertMovementSql = """
        INSERT INTO nontax.bill_movements (fact_id, bill_code, range_first, movement, first_number, last_number, from_holder, to_holder,
                                           operator, note, occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        ON CONFLICT (fact_id) DO NOTHING
        """;

    private const string InsertNumberSql = """
        INSERT INTO nontax.bill_numbers (bill_code, number, unit_code, medium, taken_at)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (bill_code, number) DO NOTHING
        """;

    private const string VoidNumberSql = """
        UPDATE nontax.bill_numbers SET status = 'voided', voided_at = $3, void_reason = $4, voided_by = $5
         WHERE bill_code = $1 AND number = $2 AND status = 'taken'
        """;

    private const string ReturnVoidSql = """
        UPDATE nontax.bill_numbers SET returned_at = $3, returned_by = $4
         WHERE bill_code = $1 AND number = $2 AND status = 'voided' AND returned_at IS NULL
        """;

    public BillStockProjector()
    {
        On<BillMoved>((batch, fact, moved) =>
        {
            UpsertRange(batch, fact, moved);
            Add(batch, InsertMovementSql,
                Text(fact.FactId), Text(moved.BillCode), Long(moved.RangeFirst), Text(moved.Movement), Long(moved.First), Long(moved.Last),
                Text(moved.FromHolder), Text(moved.ToHolder), Text(moved.Operator), Text(moved.Note), Instant(fact.OccurredAt));
        });
        On<BillNumberTaken>((batch, fact, taken) =>
        {
            UpsertRange(batch, fact, taken);
            Add(batch, InsertNumberSql, Text(taken.BillCode), Long(taken.Number), Text(taken.UnitCode), Text(taken.Medium), Instant(fact.OccurredAt));
        });
        On<BillNumberVoided>((batch, fact, voided) =>
        {
            UpsertRange(batch, fact, voided);
            Add(batch, VoidNumberSql, Text(voided.BillCode), Long(voided.Number), Instant(fact.OccurredAt), Text(voided.Reason), Text(voided.Operator));
        });
        On<BillVoidReturned>((batch, fact, returned) =>
        {
            UpsertRange(batch, fact, returned);
            Add(batch, ReturnVoidSql, Text(returned.BillCode), Long(returned.Number), Instant(fact.OccurredAt), Text(returned.Operator));
        });
    }

    private static void UpsertRange(NpgsqlBatch batch, BusinessFact fact, BillRangeSnapshot range) =>
        Add(batch, UpsertRangeSql,
            Text(range.BillCode), Long(range.RangeFirst), Long(range.RangeLast), Text(range.Medium), Text(range.Holder), Bool(range.HeldByUnit),
            Long(range.NextUnused), Long(range.Voided), Long(range.WrittenOffThrough), Int(range.Version), Instant(fact.OccurredAt));
}
