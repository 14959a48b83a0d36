using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Grains.Abstractions.Notices;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Tests.Infrastructure;
using NonTax.Protocol.Results;

namespace NonTax.Grains.Tests.Notices;

/// <summary>
/// Promise 2: for any interleaving of confirmations from any channels, exactly one is revenue,
/// every other distinct (bank, transaction) produces exactly one technical refund handed to that
/// bank, resends change nothing, and the money adds up.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FirstConfirmationWinsProperties(ClusterFixture fixture)
{
    private static readonly string[] Channels = ["D3206820105", "D3206820103", "G000001"];
    private const int Codes = 3;

    /// <summary>One confirmation attempt: which notice, which channel, which of that channel's transaction numbers.</summary>
    public sealed record Attempt(int Code, int Channel, int Transaction);

    private static Arbitrary<Attempt[]> Scenarios() =>
        (from code in Gen.Choose(0, Codes - 1)
         from channel in Gen.Choose(0, Channels.Length - 1)
         from transaction in Gen.Choose(0, 1)
         select new Attempt(code, channel, transaction))
        .ArrayOf()
        .Where(a => a.Length > 0)
        .ToArbitrary();

    [Property(MaxTest = 40)]
    public Property Exactly_one_revenue_and_one_refund_per_other_payment() =>
        Prop.ForAll(Scenarios(), attempts => CheckAsync(attempts).GetAwaiter().GetResult());

    private async Task<bool> CheckAsync(Attempt[] attempts)
    {
        var unit = fixture.Grains.GetGrain<ICollectingUnitGrain>(ClusterFixture.SchoolUnit);
        var amounts = new[] { 100m, 2500.55m, 0.01m };
        var payCodes = new string[Codes];
        for (var i = 0; i < Codes; i++)
        {
            payCodes[i] = (await unit.Issue(Drafts.Tuition(amounts[i]))).PayCode!;
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        var confirmations = attempts
            .Select(a => Drafts.Payment(payCodes[a.Code], Channels[a.Channel], $"{run}-{a.Code}-{a.Transaction}", amounts[a.Code], fixture.Clock))
            .ToArray();
        var outcomes = await Task.WhenAll(confirmations.Select(c => fixture.Grains.GetGrain<IPaymentNoticeGrain>(c.PayCode).Confirm(c)));

        for (var i = 0; i < Codes; i++)
        {
            var payCode = payCodes[i];
            var answered = confirmations.Zip(outcomes).Where(p => p.First.PayCode == payCode)
                .GroupBy(p => (p.First.Src, p.First.TraNoBus)).ToList();
            var record = (await fixture.Grains.GetGrain<IPaymentNoticeGrain>(payCode).GetDetails())!;
            var facts = fixture.Store.FactsAbout(payCode);
            if (answered.Count == 0)
            {
                Assert.Equal(NoticeStatus.Unpaid, record.Details.Status);
                Assert.Single(facts);
                continue;
            }

            // Resends of one (bank, transaction) all got the same answer.
            Assert.All(answered, g => Assert.Single(g.Select(p => p.Second).Distinct()));
            var firstAnswers = answered.Select(g => g.First().Second).ToList();
            Assert.Single(firstAnswers, o => o.ResultCode == ResultCodes.Success);
            Assert.Equal(answered.Count - 1, firstAnswers.Count(o => o.ResultCode == ResultCodes.DuplicatePaymentRefunding));

            Assert.NotNull(record.Revenue);
            Assert.Equal(answered.Count - 1, record.Duplicates.Count);
            Assert.Equal(answered.Count - 1, record.Refunds.Select(r => r.RefundNo).Distinct().Count());
            foreach (var duplicate in record.Duplicates)
            {
                // The refund goes back through the channel that took the duplicate money, and only there.
                var bank = duplicate.Confirmation.Src;
                var refund = Assert.Single(record.Refunds, r => r.RefundNo == duplicate.Outcome.RefundNo);
                Assert.Equal((bank, duplicate.Confirmation.TraNoBus, duplicate.Confirmation.Amount), (refund.BankNode, refund.OriTraNoBus, refund.Amount));
                var instruction = Assert.Single(RecordingBankLinkGrain.For(bank), x => x.InstructionId == refund.RefundNo);
                Assert.Equal(duplicate.Confirmation.TraNoBus, instruction.Fields.Single(f => f.Name == "OriTraNoBus").Value);
                Assert.All(Channels.Where(c => c != bank),
                    other => Assert.DoesNotContain(RecordingBankLinkGrain.For(other), x => x.InstructionId == refund.RefundNo));
            }

            var accepted = answered.Select(g => g.Key).ToHashSet();
            Assert.Contains((record.Revenue!.Confirmation.Src, record.Revenue.Confirmation.TraNoBus), accepted);

            Assert.Equal(amounts[i] * answered.Count, record.Revenue!.Confirmation.Amount + record.Refunds.Sum(r => r.Amount));
            Assert.Equal(1, facts.Count(f => f.Kind == "notice.confirmed"));
            Assert.Equal(answered.Count - 1, facts.Count(f => f.Kind == "notice.duplicate"));
            Assert.Equal(answered.Count - 1, facts.Count(f => f.Kind == "refund.pending"));
        }

        Assert.Equal(0, fixture.Store.ConflictingFactReplays);
        return true;
    }
}
