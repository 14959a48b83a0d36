using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NonTax.Protocol.Results;
using NonTax.Protocol.Tests.Support;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.BaseData;

namespace NonTax.Protocol.Tests.Vouchers;

/// <summary>
/// Every voucher the finance node originates survives the way the silo sends it: typed voucher →
/// stored path fields → <see cref="CnnontaxCodec.EncodeOutbound"/> → frame → parsed back equal.
/// </summary>
public class OutboundVoucherProperties
{
    private static readonly Gen<RegionRefresh> RegionRefreshes =
        from seq in Gen.Choose(1, int.MaxValue)
        from regions in Gen.ListOf(
            from code in Generators.Digits(6, 6)
            from name in Generators.GbText(1, 100)
            select new RegionRefresh.Region(code, name))
        select new RegionRefresh(seq, "F320682", regions.ToArray());

    private static readonly Gen<SupervisedAccountRefresh> SupervisedAccountRefreshes =
        from seq in Gen.Choose(1, int.MaxValue)
        from accounts in Gen.ListOf(
            from acct in Generators.Digits(10, 30)
            from name in Generators.GbText(1, 100)
            from unit in Generators.Digits(3, 30)
            from unitName in Generators.GbText(1, 100)
            select new SupervisedAccountRefresh.Account(acct, name, unit, unitName, "0105"))
        select new SupervisedAccountRefresh(seq, accounts.ToArray());

    [Property]
    public Property RefundInstruction() => Prop.ForAll(Generators.RefundInstruction.ToArbitrary(),
        v => SurvivesOutbound(v, MsgNos.RefundInstruction));

    [Property]
    public Property UnitPaymentConfirmation() => Prop.ForAll(Generators.PaymentConfirmation.ToArbitrary(),
        v => SurvivesOutbound(v, MsgNos.UnitPaymentConfirmation));

    [Property(MaxTest = 50)]
    public Property AccountRefresh() => Prop.ForAll(Generators.AccountRefresh.ToArbitrary(),
        v => SurvivesOutbound(v, MsgNos.AccountRefresh));

    [Property(MaxTest = 50)]
    public Property RegionRefresh() => Prop.ForAll(RegionRefreshes.ToArbitrary(),
        v => SurvivesOutbound(v, MsgNos.RegionRefresh));

    [Property(MaxTest = 50)]
    public Property SupervisedAccountRefresh() => Prop.ForAll(SupervisedAccountRefreshes.ToArbitrary(),
        v => SurvivesOutbound(v, MsgNos.SupervisedAccountRefreshOrEBillExchangeReply));

    private static bool SurvivesOutbound<T>(T voucher, string msgNo)
        where T : ITypedVoucher<T>
    {
        var codec = CnnontaxCodec.Default;
        var stored = OutboundVoucher.ToFields(msgNo, voucher);
        var bytes = codec.EncodeOutbound(Samples.Head(msgNo), VoucherPaths.ToVoucher(stored), Samples.Token, "320682");
        var read = codec.TryReadFrame(new ReadOnlySequence<byte>(bytes), out _);
        if (!read.IsComplete || !codec.VerifyMac(read.Frame, [Samples.Token]))
        {
            return false;
        }

        var decoded = codec.Decode(read.Frame);
        if (!decoded.IsSuccess)
        {
            return false;
        }

        var parsed = T.Parse(decoded.Envelope.First.Voucher);
        return parsed.IsSuccess && parsed.Value.ToVoucher().Equals(voucher.ToVoucher());
    }
}
