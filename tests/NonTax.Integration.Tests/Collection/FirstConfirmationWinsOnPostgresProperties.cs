using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Protocol.Time;

namespace NonTax.Integration.Tests.Collection;

/// <summary>
/// Promise 2 on the real stack: two silos, batched PostgreSQL storage, the real bank links. For
/// any interleaving of confirmations of the same codes from several channels, sent through either
/// silo, exactly one is revenue, every other (bank, transaction) yields exactly one technical
/// refund queued at that bank's link, resends change nothing, the journal holds exactly one fact
/// per change, and the money adds up.
/// </summary>
public sealed class FirstConfirmationWinsOnPostgresProperties(TwoSiloSystemFixture system) : IClassFixture<TwoSiloSystemFixture>
{
    private static readonly string[] Channels = ["D3206820105", "D3206820103", "G000001"];
    private static readonly decimal[] Amounts = [1234.56m, 0.01m];

    public sealed record Attempt(int Code, int Channel, int Transaction, int Silo);

    private static Arbitrary<Attempt[]> Scenarios() =>
        (from code in Gen.Choose(0, Amounts.Length - 1)
         from channel in Gen.Choose(0, Channels.Length - 1)
         from transaction in Gen.Choose(0, 1)
         from silo in Gen.Choose(0, 1)
         select new Attempt(code, channel, transaction, silo))
        .ArrayOf()
        .Where(a => a.Length > 0 && a.Length <= 12)
        .ToArbitrary();

    [Property(MaxTest = 12)]
    public Property Exactly_one_revenue_and_one_refund_per_other_payment() =>
        Prop.ForAll(Scenarios(), attempts => CheckAsync(attempts).GetAwaiter().GetResult());

    private async Task<bool> CheckAsync(Attempt[] attempts)
    {
        var factories = system.Factories;
        var unit = factories[0].GetGrain<ICollectingUnitGrain>("0201001");
        var payCodes = new string[Amounts.Length];
        for (var i = 0; i < Amounts.Length; i++)
        {
            var issued = await unit.Issue(new NoticeDraft(new Payer("李四"), Amounts[i], [new NoticeLineRequest("103050101", Amounts[i])], "clerk"));
            Assert.True(issued.Succeeded, issued.Information);
            payCodes[i] = issued.PayCode!;
        }

        var run = Guid.NewGuid().ToString("N")[..10];
        var today = ChinaTime.Today(TimeProvider.System);
        var sent = attempts.Select(a => (a.Silo, Confirmation: new ConfirmedPayment(
            payCodes[a.Code], Channels[a.Channel], $"{run}-{a.Code}-{a.Transaction}", today, "101500", Amounts[a.Code], "02", "李四"))).ToArray();
        var outcomes = await Task.WhenAll(sent.Select(s => factories[s.Silo].GetGrain<IPaymentNoticeGrain>(s.Confirmation.PayCode).Confirm(s.Confirmation)));

        for (var i = 0; i < Amounts.Length; i++)
        {
            var payCode = payCodes[i];
            var answered = sent.Select(s => s.Confirmation).Zip(outcomes).Where(p => p.First.PayCode == payCode)
                .GroupBy(p => (p.First.Src, p.First.TraNoBus)).ToList();
            var record = (await factories[1].GetGrain<IPaymentNoticeGrain>(payCode).GetDetails())!;
            var facts = await FactCountsAsync(payCode);
            Assert.Equal(1, facts.GetValueOrDefault("notice.issued"));
            if (answered.Count == 0)
            {
                Assert.Equal(NoticeStatus.Unpaid, record.Details.Status);
                Assert.Single(facts);
                continue;
            }

            Assert.All(answered, g => Assert.Single(g.Select(p => p.Second).Distinct()));
            var firstAnswers = answered.Select(g => g.First().Second).ToList();
            Assert.Single(firstAnswers, o => o.ResultCode == "00000");
            Assert.Equal(answered.Count - 1, firstAnswers.Count(o => o.ResultCode == "10006"));

            Assert.Equal(answered.Count - 1, record.Duplicates.Count);
            Assert.Equal(answered.Count - 1, record.Refunds.Count);
            Assert.Equal(Amounts[i] * answered.Count, record.Revenue!.Confirmation.Amount + record.Refunds.Sum(r => r.Amount));

            foreach (var refund in record.Refunds)
            {
                // Queued to that bank's link only (its history: a delivered message leaves the link).
                Assert.Equal(refund.BankNode, await system.Database.ScalarAsync<string>(
                    "SELECT string_agg(peer, ',') FROM nontax.outbound_messages WHERE instruction_id = $1 AND msg_no = '5617'", refund.RefundNo));
            }

            Assert.Equal(1, facts.GetValueOrDefault("notice.confirmed"));
            Assert.Equal(answered.Count - 1, facts.GetValueOrDefault("notice.duplicate"));
            Assert.Equal(answered.Count - 1, facts.GetValueOrDefault("refund.pending"));
            Assert.Equal((long)answered.Count, await system.Database.ScalarAsync<long>(
                "SELECT count(*) FROM nontax.unique_claims WHERE scope = 'tranobus' AND owner LIKE $1", payCode + "|%"));
            var journalMoney = await system.Database.ScalarAsync<decimal>(
                """
                SELECT coalesce(sum((payload->>'amount')::numeric), 0) FROM nontax.business_facts
                WHERE subject = $1 AND kind IN ('notice.confirmed', 'refund.pending')
                """, payCode);
            Assert.Equal(Amounts[i] * answered.Count, journalMoney);
        }

        return true;
    }

    private async Task<Dictionary<string, long>> FactCountsAsync(string payCode)
    {
        var counts = new Dictionary<string, long>();
        foreach (var kind in new[] { "notice.issued", "notice.confirmed", "notice.duplicate", "refund.pending", "notice.confirmation_refused" })
        {
            var count = await system.Database.ScalarAsync<long>("SELECT count(*) FROM nontax.business_facts WHERE subject = $1 AND kind = $2", payCode, kind);
            if (count > 0)
            {
                counts[kind] = count;
            }
        }

        return counts;
    }

    [Fact]
    public async Task Codes_never_repeat_when_the_unit_moves_between_silos()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 3; round++)
        {
            foreach (var factory in system.Factories)
            {
                var unit = factory.GetGrain<ICollectingUnitGrain>("0104901");
                for (var i = 0; i < 5; i++)
                {
                    var issued = await unit.Issue(new NoticeDraft(new Payer("张三"), 80.00m, [new NoticeLineRequest("103043211", 80.00m)], "clerk"));
                    Assert.True(issued.Succeeded, issued.Information);
                    Assert.True(seen.Add(issued.PayCode!), $"code {issued.PayCode} issued twice");
                    Assert.StartsWith("320682" + (today().Year % 100).ToString("D2", CultureInfo.InvariantCulture), issued.PayCode!);
                }

                // Force the unit to reactivate (possibly on the other silo) before the next batch.
                await factory.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            }
        }

        static DateOnly today() => ChinaTime.Today(TimeProvider.System);
    }
}
