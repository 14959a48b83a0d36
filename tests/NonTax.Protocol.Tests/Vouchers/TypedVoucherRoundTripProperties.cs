using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Results;
using NonTax.Protocol.Tests.Support;

namespace NonTax.Protocol.Tests.Vouchers;

/// <summary>Any valid typed voucher survives write → frame → read with equal values.</summary>
public class TypedVoucherRoundTripProperties
{
    [Property]
    public Property PaymentConfirmation() => Prop.ForAll(Generators.PaymentConfirmation.ToArbitrary(),
        v => RoundTrip.ThroughFrame(v, MsgNos.PaymentConfirmation) == v && RoundTrip.Preserves(v, MsgNos.UnitPaymentConfirmation));

    [Property]
    public Property NoticeDetails() => Prop.ForAll(Generators.NoticeDetails.ToArbitrary(),
        v => RoundTrip.ThroughFrame(v, MsgNos.NoticeDetails) == v);

    [Property]
    public Property NoticeIssue() => Prop.ForAll(Generators.NoticeIssue.ToArbitrary(),
        v => RoundTrip.ThroughFrame(v, MsgNos.NoticeIssue) == v);

    [Property]
    public Property RefundInstruction() => Prop.ForAll(Generators.RefundInstruction.ToArbitrary(),
        v => RoundTrip.ThroughFrame(v, MsgNos.RefundInstruction) == v);

    [Property]
    public Property GenericReply() => Prop.ForAll(Generators.GenericReply.ToArbitrary(),
        v => RoundTrip.ThroughFrame(v, MsgNos.FinanceReply) == v);

    [Property]
    public Property TokenChange() => Prop.ForAll(Generators.TokenChange.ToArbitrary(),
        v => RoundTrip.ThroughFrame(v, MsgNos.TokenChange) == v);

    [Property(MaxTest = 50)]
    public Property TransactionReconciliation() => Prop.ForAll(Generators.TransactionReconciliation.ToArbitrary(),
        v => RoundTrip.Preserves(v, MsgNos.TransactionReconciliation));

    [Property(MaxTest = 50)]
    public Property TransactionReconciliationResult() => Prop.ForAll(Generators.TransactionReconciliationResult.ToArbitrary(),
        v => RoundTrip.Preserves(v, MsgNos.TransactionReconciliationResult));

    [Property(MaxTest = 50)]
    public Property EducationReply() => Prop.ForAll(Generators.EducationReply.ToArbitrary(),
        v => RoundTrip.Preserves(v, MsgNos.EducationReply));

    [Property(MaxTest = 50)]
    public Property AccountRefresh() => Prop.ForAll(Generators.AccountRefresh.ToArbitrary(),
        v => RoundTrip.Preserves(v, MsgNos.AccountRefresh));

    [Property(MaxTest = 50)]
    public Property EBillExchange() => Prop.ForAll(Generators.EBillExchange.ToArbitrary(),
        v => RoundTrip.Preserves(v, MsgNos.EBillExchange));
}
