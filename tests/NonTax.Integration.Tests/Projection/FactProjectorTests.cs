using System.Reflection;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Integration.Tests.Fixtures;
using NonTax.Persistence.Projection;
using Npgsql;

namespace NonTax.Integration.Tests.Projection;

/// <summary>
/// The projectors behind the real storage path (a test grain commits given facts through the
/// batched domain storage): rows commit with the write, repeated facts change nothing, late facts
/// never move a row back, and a payload missing a field fails the whole write.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FactProjectorTests(PostgresFixture database) : IAsyncLifetime
{
    private TestSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await TestSilo.StartAsync(database, $"projection-{Guid.NewGuid():N}"[..20], "projection");

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private IFactRecorderGrain Recorder() => _silo.Grains.GetGrain<IFactRecorderGrain>($"recorder-{Guid.NewGuid():N}");

    private static string NewKey() => Guid.NewGuid().ToString("N")[..12];

    private Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> Rows(string sql, params object[] parameters) =>
        ProjectionRows.QueryAsync(database.OwnerConnectionString, sql, parameters);

    private async Task<IReadOnlyList<string>> RowsAsText(string table, string where, string key) =>
        (await Rows($"SELECT t::text AS row FROM nontax.{table} t WHERE {where} = $1 ORDER BY 1", key)).Select(r => (string)r["row"]!).ToArray();

    [Fact]
    public void Every_fact_kind_the_grains_produce_has_a_projector()
    {
        var produced = typeof(IFact).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IFact).IsAssignableFrom(t))
            .Select(t => (string)t.GetProperty(nameof(IFact.Kind), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .ToArray();

        Assert.NotEmpty(produced);
        Assert.All(produced, kind => Assert.Contains(ProjectionTables.Projectors, p => p.Handles(kind)));
    }

    [Fact]
    public async Task Notice_rows_commit_with_the_write_and_repeating_the_facts_changes_nothing()
    {
        var payCode = NewKey();
        var at = DateTimeOffset.UtcNow;
        var recorder = Recorder();

        await recorder.Record([SampleFacts.Issued(payCode, at), SampleFacts.Confirmed(payCode, at.AddMinutes(1))]);
        var notices = await RowsAsText("notices", "pay_code", payCode);
        var lines = await RowsAsText("notice_lines", "pay_code", payCode);
        var confirmations = await RowsAsText("payment_confirmations", "pay_code", payCode);

        // Re-committing the same fact ids, alone and in the other order.
        await recorder.Record([SampleFacts.Confirmed(payCode, at.AddMinutes(1)), SampleFacts.Issued(payCode, at)]);
        await Recorder().Record([SampleFacts.Issued(payCode, at)]);

        Assert.Single(notices);
        Assert.Contains(",paid,", notices[0]);
        Assert.Single(lines);
        Assert.Single(confirmations);
        Assert.Equal(notices, await RowsAsText("notices", "pay_code", payCode));
        Assert.Equal(lines, await RowsAsText("notice_lines", "pay_code", payCode));
        Assert.Equal(confirmations, await RowsAsText("payment_confirmations", "pay_code", payCode));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE subject = $1", payCode));
    }

    [Fact]
    public async Task A_finished_refund_is_not_reopened_or_changed_by_later_facts()
    {
        var payCode = NewKey();
        var refundNo = "T" + payCode;
        var at = DateTimeOffset.UtcNow;
        var recorder = Recorder();

        await recorder.Record([SampleFacts.RefundPending(payCode, refundNo, at)]);
        Assert.Equal("pending", (await Rows("SELECT status FROM nontax.technical_refunds WHERE refund_no = $1", refundNo)).Single()["status"]);
        await recorder.Record([SampleFacts.RefundFinished("refund.completed", payCode, refundNo, at.AddMinutes(1), "00000")]);
        await recorder.Record([
            SampleFacts.RefundPending(payCode, refundNo, at),
            SampleFacts.RefundFinished("refund.failed", payCode, refundNo, at.AddMinutes(2), "99999"),
        ]);

        var refund = Assert.Single(await Rows("SELECT * FROM nontax.technical_refunds WHERE refund_no = $1", refundNo));
        Assert.Equal("completed", refund["status"]);
        Assert.Equal("00000", refund["bank_result"]);
        Assert.Equal("R0001", refund["refund_tra_no"]);
        Assert.Equal(new DateOnly(2026, 1, 13), refund["refund_date"]);
    }

    [Fact]
    public async Task Outbound_messages_follow_the_latest_fact_and_a_dead_message_raises_one_alert()
    {
        var peer = "D3206820103";
        var instruction = "T" + NewKey();
        var t0 = DateTimeOffset.UtcNow;
        var queued = SampleFacts.Outbound("outbound.queued", peer, instruction, 0, t0, new { msgNo = "5617", businessNo = instruction, msgId = "2026011200000000001" });
        var dead = SampleFacts.Outbound("outbound.dead", peer, instruction, 5, t0.AddMinutes(1), new { attempts = 5, lastError = "SocketException: refused" });
        var retried = SampleFacts.Outbound("outbound.retried", peer, instruction, 5, t0.AddMinutes(2), new { operatorName = "staff" });
        var delivered = SampleFacts.Outbound("outbound.delivered", peer, instruction, 6, t0.AddMinutes(3), new { attempts = 6, result = "00000" });
        var recorder = Recorder();

        await recorder.Record([queued]);
        Assert.Equal("pending", (await Rows("SELECT status FROM nontax.outbound_messages WHERE instruction_id = $1", instruction)).Single()["status"]);
        await recorder.Record([dead]);
        var parked = Assert.Single(await Rows("SELECT * FROM nontax.outbound_messages WHERE instruction_id = $1", instruction));
        Assert.Equal(("dead", 5, "SocketException: refused"), ((string)parked["status"]!, (int)parked["attempts"]!, (string)parked["last_error"]!));
        var alert = Assert.Single(await Rows("SELECT * FROM nontax.alerts WHERE subject = $1 AND what LIKE $2", peer, $"%{instruction}%"));
        Assert.Equal("SocketException: refused", alert["why"]);
        Assert.Null(alert["acknowledged_at"]);

        await recorder.Record([retried]);
        await recorder.Record([delivered]);
        // Older facts arriving again must not move the row back to dead or pending.
        await recorder.Record([dead, queued, retried]);

        var final = Assert.Single(await Rows("SELECT * FROM nontax.outbound_messages WHERE instruction_id = $1", instruction));
        Assert.Equal("delivered", final["status"]);
        Assert.Equal(6, final["attempts"]);
        Assert.Equal("00000", final["last_result"]);
        Assert.Null(final["last_error"]);
        Assert.NotNull(final["finished_at"]);
        Assert.Single(await Rows("SELECT * FROM nontax.alerts WHERE subject = $1 AND what LIKE $2", peer, $"%{instruction}%"));
    }

    [Fact]
    public async Task Unit_blocks_and_base_data_changes_keep_their_history_once()
    {
        var unit = NewKey();
        var region = NewKey();
        var at = DateTimeOffset.UtcNow;
        BusinessFact[] facts =
        [
            SampleFacts.UnitEvent("unit.blocked", unit, 1, at),
            SampleFacts.UnitEvent("unit.unblocked", unit, 1, at.AddHours(1)),
            SampleFacts.BaseDataChanged(region, 1, at),
            SampleFacts.BaseDataChanged(region, 2, at.AddHours(1)),
        ];

        await Recorder().Record(facts);
        await Recorder().Record(facts);

        var blocks = await Rows("SELECT event, reason, previous_reason FROM nontax.unit_blocks WHERE unit_code = $1 ORDER BY occurred_at", unit);
        Assert.Equal(["blocked", "unblocked"], blocks.Select(b => (string)b["event"]!));
        Assert.Null(blocks[0]["previous_reason"]);
        Assert.Equal("notice 1 unpaid for 40 days", blocks[1]["previous_reason"]);
        var changes = await Rows("SELECT version, before::text AS before, after ->> 'name' AS name FROM nontax.base_data_changes WHERE key = $1 ORDER BY version", region);
        Assert.Equal([1L, 2L], changes.Select(c => (long)c["version"]!));
        Assert.Null(changes[0]["before"]);
        Assert.Equal("如皋市", changes[1]["name"]);
    }

    [Theory]
    [InlineData("payCode")]
    [InlineData("issueDate")]
    [InlineData("amount")]
    [InlineData("payerType")]
    [InlineData("payerCreditCode")]
    [InlineData("confirmBack")]
    [InlineData("lines")]
    [InlineData("lines[0].itemName")]
    [InlineData("lines[0].quantity")]
    public async Task A_payload_missing_a_field_fails_the_whole_write(string field)
    {
        var payCode = NewKey();
        var recorder = Recorder();
        var broken = SampleFacts.Without(SampleFacts.Issued(payCode, DateTimeOffset.UtcNow), field);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => recorder.Record([broken]));

        // The stored JSON is checked against the record: the failure names the missing field.
        Assert.Contains($"'{field.Split('.')[^1]}'", failure.ToString());
        Assert.Contains("missing", failure.ToString());
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE subject = $1", payCode));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.notices WHERE pay_code = $1", payCode));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM nontax.grain_state WHERE grain_id = $1", recorder.GetPrimaryKeyString()));
    }

    [Theory]
    [InlineData("amount", "8O.00", "is not an amount")]
    [InlineData("issueDate", "2026-01-10", "is not a yyyyMMdd date")]
    [InlineData("payerName", null, "doesn't allow null")]
    public void A_malformed_field_is_refused_before_anything_is_sent(string field, string? value, string problem)
    {
        var fact = SampleFacts.Issued(NewKey(), DateTimeOffset.UtcNow);
        var payload = System.Text.Json.Nodes.JsonNode.Parse(fact.PayloadJson)!.AsObject();
        payload[field] = value;
        var broken = fact with { PayloadJson = payload.ToJsonString() };
        using var batch = new NpgsqlBatch();

        var failure = Assert.Throws<FactPayloadException>(() => new NonTax.Persistence.Projection.Projectors.NoticeProjector().AddCommands(batch, broken));

        Assert.Equal(field, failure.Field);
        Assert.Contains(problem, failure.Message);
    }
}
