using NonTax.Protocol.Nodes;
using NonTax.Protocol.Results;
using NonTax.Protocol.Vouchers.BaseData;
using NonTax.Protocol.Vouchers.Collection;
using NonTax.Protocol.Vouchers.Common;
using NonTax.Protocol.Vouchers.MoneyFlow;
using NonTax.Protocol.Vouchers.Reconciliation;
using NonTax.Protocol.Vouchers.Schema;
using NonTax.Protocol.Vouchers.Units;

namespace NonTax.Protocol.Vouchers;

/// <summary>
/// Which typed voucher each MsgNo carries, so the edge can refuse a malformed voucher with 20001
/// before it reaches business logic. 5981 means two things: the supervised-account refresh to a
/// bank and the e-bill exchange reply to a unit platform; pass the peer's kind to choose.
/// </summary>
public static class VoucherCatalog
{
    private sealed record Entry(Type Type, VoucherSpec Spec, Func<Voucher, ProtocolError?> Validate);

    private static readonly Dictionary<string, Entry> Entries = new(StringComparer.Ordinal)
    {
        [MsgNos.BankGreenChannel] = Of<GreenChannelMessage>(),
        [MsgNos.FinanceGreenChannel] = Of<GreenChannelMessage>(),
        [MsgNos.BankReply] = Of<GenericReply>(),
        [MsgNos.FinanceReply] = Of<GenericReply>(),
        [MsgNos.UnitReply] = Of<GenericReply>(),
        [MsgNos.BankTest] = Of<ConnectivityTest>(),
        [MsgNos.FinanceTest] = Of<ConnectivityTest>(),
        [MsgNos.TokenChange] = Of<TokenChange>(),
        [MsgNos.TransactionReconciliation] = Of<TransactionReconciliation>(),
        [MsgNos.TransactionReconciliationResult] = Of<TransactionReconciliationResult>(),
        [MsgNos.ArrivalReconciliation] = Of<ArrivalReconciliation>(),
        [MsgNos.ArrivalReconciliationResult] = Of<ArrivalReconciliationResult>(),
        [MsgNos.AccountReconciliation] = Of<AccountReconciliation>(),
        [MsgNos.SupervisedAccountStatement] = Of<AccountReconciliation>(),
        [MsgNos.AccountReconciliationResult] = Of<AccountReconciliationResult>(),
        [MsgNos.NoticeQuery] = Of<NoticeQuery>(),
        [MsgNos.UnitNoticeQuery] = Of<NoticeQuery>(),
        [MsgNos.NoticeDetails] = Of<NoticeDetails>(),
        [MsgNos.UnitNoticeDetails] = Of<NoticeDetails>(),
        [MsgNos.PaymentConfirmation] = Of<PaymentConfirmation>(),
        [MsgNos.UnitPaymentConfirmation] = Of<PaymentConfirmation>(),
        [MsgNos.RefundInstruction] = Of<RefundInstruction>(),
        [MsgNos.RefundResult] = Of<RefundResult>(),
        [MsgNos.DirectDebitInstruction] = Of<DirectDebitInstruction>(),
        [MsgNos.DirectDebitResult] = Of<DirectDebitResult>(),
        [MsgNos.EducationQuery] = Of<EducationQuery>(),
        [MsgNos.EducationReply] = Of<EducationReply>(),
        [MsgNos.AccountRefresh] = Of<AccountRefresh>(),
        [MsgNos.AccountRefreshAck] = Of<AccountRefreshAck>(),
        [MsgNos.RegionRefresh] = Of<RegionRefresh>(),
        [MsgNos.NoticeIssue] = Of<NoticeIssue>(),
        [MsgNos.BillNumberRequest] = Of<BillNumberRequest>(),
        [MsgNos.EBillExchange] = Of<EBillExchange>(),
        [MsgNos.EBillDownload] = Of<EBillDownload>(),
        [MsgNos.EBillDownloadReply] = Of<EBillDownloadReply>(),

        // Money after reconciliation: transfers, arrivals, clearing, remittance.
        [MsgNos.InterBankTransfer] = Of<InterBankTransfer>(),
        [MsgNos.Arrival] = Of<Arrival>(),
        [MsgNos.VirtualAccountArrival] = Of<VirtualAccountArrival>(),
        [MsgNos.LateInTransit] = Of<LateInTransitArrival>(),
        [MsgNos.ClearingInstruction] = Of<ClearingInstruction>(),
        [MsgNos.ClearingResult] = Of<ClearingResult>(),
        [MsgNos.RemittanceInstruction] = Of<RemittanceInstruction>(),
        [MsgNos.RemittanceResult] = Of<RemittanceResult>(),
    };

    private static readonly Entry SupervisedAccounts = Of<SupervisedAccountRefresh>();
    private static readonly Entry EBillReply = Of<EBillExchangeReply>();

    /// <summary>Every MsgNo with a typed voucher (5981 included).</summary>
    public static IReadOnlyCollection<string> KnownMsgNos { get; } =
        [.. Entries.Keys, MsgNos.SupervisedAccountRefreshOrEBillExchangeReply];

    /// <summary>The typed voucher class for <paramref name="msgNo"/>; null when this library has none.</summary>
    /// <param name="msgNo">Message number.</param>
    /// <param name="peer">The other end (decides 5981: unit platform → e-bill reply, else account refresh).</param>
    public static Type? TypeFor(string msgNo, NodeKind? peer = null) => Find(msgNo, peer)?.Type;

    /// <summary>The field table for <paramref name="msgNo"/>; null when this library has none.</summary>
    public static VoucherSpec? SpecFor(string msgNo, NodeKind? peer = null) => Find(msgNo, peer)?.Spec;

    /// <summary>
    /// Null when <paramref name="voucher"/> is valid for <paramref name="msgNo"/> (field table and
    /// cross-field rules) or when the MsgNo has no typed voucher here; otherwise the 20001 error.
    /// </summary>
    public static ProtocolError? Validate(string msgNo, Voucher voucher, NodeKind? peer = null) =>
        Find(msgNo, peer)?.Validate(voucher);

    private static Entry? Find(string msgNo, NodeKind? peer)
    {
        if (msgNo == MsgNos.SupervisedAccountRefreshOrEBillExchangeReply)
        {
            return peer == NodeKind.UnitPlatform ? EBillReply : SupervisedAccounts;
        }

        return Entries.GetValueOrDefault(msgNo);
    }

    private static Entry Of<T>()
        where T : ITypedVoucher<T> => new(typeof(T), T.Spec, v => T.Parse(v).Error);
}
