namespace NonTax.Protocol.Results;

/// <summary>
/// Message numbers. First digit = originator (2 bank, 5 finance, 8 unit), second = class
/// (0 message, 5 reconciliation, 6 collection, 9 base data).
/// </summary>
public static class MsgNos
{
    /// <summary>Bank green channel free-form message.</summary>
    public const string BankGreenChannel = "2000";
    /// <summary>Generic reply from a bank.</summary>
    public const string BankReply = "2001";
    /// <summary>Connectivity test from a bank.</summary>
    public const string BankTest = "2002";
    /// <summary>Set communication token.</summary>
    public const string TokenChange = "2003";
    /// <summary>Day's transactions.</summary>
    public const string TransactionReconciliation = "2555";
    /// <summary>Day's movements per fiscal account.</summary>
    public const string AccountReconciliation = "2556";
    /// <summary>Day's arrivals in fiscal accounts.</summary>
    public const string ArrivalReconciliation = "2557";
    /// <summary>Supervised unit accounts.</summary>
    public const string SupervisedAccountStatement = "2581";
    /// <summary>Query a notice by payment code.</summary>
    public const string NoticeQuery = "2601";
    /// <summary>Direct debit result.</summary>
    public const string DirectDebitResult = "2607";
    /// <summary>Payment confirmation.</summary>
    public const string PaymentConfirmation = "2612";
    /// <summary>Inter-bank transfer.</summary>
    public const string InterBankTransfer = "2613";
    /// <summary>Clearing result.</summary>
    public const string ClearingResult = "2614";
    /// <summary>Arrival of transferred or cleared money.</summary>
    public const string Arrival = "2615";
    /// <summary>Arrival in a virtual account.</summary>
    public const string VirtualAccountArrival = "2616";
    /// <summary>Refund result.</summary>
    public const string RefundResult = "2617";
    /// <summary>Remittance result.</summary>
    public const string RemittanceResult = "2618";
    /// <summary>Late in-transit money.</summary>
    public const string LateInTransit = "2619";
    /// <summary>Education: unpaid notices of a payer.</summary>
    public const string EducationQuery = "2698";
    /// <summary>Account change acknowledgement.</summary>
    public const string AccountRefreshAck = "2952";
    /// <summary>Finance green channel free-form message.</summary>
    public const string FinanceGreenChannel = "5000";
    /// <summary>Generic reply from finance.</summary>
    public const string FinanceReply = "5001";
    /// <summary>Connectivity test from finance.</summary>
    public const string FinanceTest = "5002";
    /// <summary>Transaction reconciliation result.</summary>
    public const string TransactionReconciliationResult = "5555";
    /// <summary>Account reconciliation result.</summary>
    public const string AccountReconciliationResult = "5556";
    /// <summary>Arrival reconciliation result.</summary>
    public const string ArrivalReconciliationResult = "5557";
    /// <summary>Notice details (reply to 2601).</summary>
    public const string NoticeDetails = "5603";
    /// <summary>Direct debit instruction.</summary>
    public const string DirectDebitInstruction = "5604";
    /// <summary>Clearing instruction.</summary>
    public const string ClearingInstruction = "5614";
    /// <summary>Refund instruction.</summary>
    public const string RefundInstruction = "5617";
    /// <summary>Remittance instruction.</summary>
    public const string RemittanceInstruction = "5618";
    /// <summary>Education reply (to 2698).</summary>
    public const string EducationReply = "5698";
    /// <summary>Fiscal account refresh.</summary>
    public const string AccountRefresh = "5952";
    /// <summary>Region refresh.</summary>
    public const string RegionRefresh = "5953";
    /// <summary>Supervised accounts refresh to banks, and also the e-bill exchange reply to units (tell apart by peer).</summary>
    public const string SupervisedAccountRefreshOrEBillExchangeReply = "5981";
    /// <summary>E-bill download reply.</summary>
    public const string EBillDownloadReply = "5982";
    /// <summary>Payment confirmation to a unit.</summary>
    public const string UnitPaymentConfirmation = "5996";
    /// <summary>Notice details to a unit (reply to 8997).</summary>
    public const string UnitNoticeDetails = "5997";
    /// <summary>Generic reply from a unit.</summary>
    public const string UnitReply = "8001";
    /// <summary>Exchange a paid notice for an e-bill.</summary>
    public const string EBillExchange = "8981";
    /// <summary>Download an e-bill file.</summary>
    public const string EBillDownload = "8982";
    /// <summary>Issue a notice in input mode.</summary>
    public const string NoticeIssue = "8994";
    /// <summary>Unit's notice query.</summary>
    public const string UnitNoticeQuery = "8997";
    /// <summary>Take the next e-bill number.</summary>
    public const string BillNumberRequest = "8999";
}
