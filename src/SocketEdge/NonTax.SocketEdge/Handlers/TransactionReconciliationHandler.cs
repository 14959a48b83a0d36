using System.Globalization;
using NonTax.Grains.Abstractions.Reconciliation;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using NonTax.Protocol.Vouchers.Reconciliation;
using NonTax.SocketEdge.Messages;
using NonTax.SocketEdge.Reconciliation;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2555 (bank → finance): the bank's payments of a day, as one message of one or more vouchers,
/// or as several messages numbered BatchNo of BatchCount. Answered 5001 once the batch is durably
/// stored; the comparison follows in the day's grain and its result, 5555, is a later request to
/// the bank. A malformed or inconsistent batch is refused 20001 and nothing of it is stored.
/// </summary>
public sealed class TransactionReconciliationHandler(ReconciliationFileWriter writer, IGrainFactory grains, TimeProvider time) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } = [MsgNos.TransactionReconciliation];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        var vouchers = new List<TransactionReconciliation>(request.Envelope.Vouchers.Count);
        for (var i = 0; i < request.Envelope.Vouchers.Count; i++)
        {
            if (!TransactionReconciliation.Parse(request.Envelope.Vouchers[i].Voucher).TryGetValue(out var voucher, out var error))
            {
                var where = request.Envelope.Vouchers.Count > 1 ? $"voucher {i + 1}: " : "";
                return HandlerOutcome.Generic(msgNo, error.ResultCode, where + error.Information);
            }

            vouchers.Add(voucher);
        }

        if (Check(vouchers, ChinaTime.Today(time)) is { } problem)
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, problem);
        }

        var head = vouchers[0];
        var details = vouchers.SelectMany(v => v.Details).ToList();
        var batch = new ReconciliationBatch(
            request.Peer.NodeCode, head.ChkDate, msgNo, (int)(head.BatchNo ?? 1), (int)(head.BatchCount ?? 1), head.BankCode,
            head.AllNum, head.AllAmt, details.Count, details.Sum(d => d.Amt), request.Head.MsgId);
        var stored = await writer.StoreAsync(batch, new TransactionRecords(details), cancellationToken);
        if (!stored.Stored)
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, stored.Refusal!);
        }

        // Stored is what the bank waits for; the comparison is prompted here and, should this
        // prompt be lost, by the reconciliation sweeper from the pending mark.
        await grains.GetGrain<IReconciliationDayGrain>(new ReconciliationDay(batch.BankNode, batch.BusinessDay).Key).Prompt();
        var information = stored.FileComplete
            ? $"{ChinaTime.ToYyyyMmDd(batch.BusinessDay)} file complete ({stored.BatchesStored} of {batch.BatchCount} batches); result follows in 5555"
            : $"{ChinaTime.ToYyyyMmDd(batch.BusinessDay)} batch {batch.BatchNo} of {batch.BatchCount} stored ({details.Count} records)";
        return HandlerOutcome.Generic(msgNo, ResultCodes.Success, information);
    }

    /// <summary>The checks a batch must pass before anything is stored; null when it passes.</summary>
    internal static string? Check(IReadOnlyList<TransactionReconciliation> vouchers, DateOnly today)
    {
        var head = vouchers[0];
        foreach (var other in vouchers.Skip(1))
        {
            if (other.ChkDate != head.ChkDate || other.BankCode != head.BankCode || other.AllNum != head.AllNum || other.AllAmt != head.AllAmt
                || other.BatchNo != head.BatchNo || other.BatchCount != head.BatchCount)
            {
                return "ChkDate/BankCode/AllNum/AllAmt/BatchNo/BatchCount: the vouchers of one message must carry the same header";
            }
        }

        if (head.ChkDate > today)
        {
            return $"ChkDate: {ChinaTime.ToYyyyMmDd(head.ChkDate)} has not ended yet";
        }

        if (head.BatchNo is null != head.BatchCount is null)
        {
            return "BatchNo/BatchCount: give both or neither";
        }

        if (head.BatchCount is { } count && (count < 1 || count > 100_000 || head.BatchNo < 1 || head.BatchNo > count))
        {
            return $"BatchNo/BatchCount: {head.BatchNo} of {count} is not a batch of the file";
        }

        if (head.AllNum < 0 || head.AllAmt < 0)
        {
            return "AllNum/AllAmt: must not be negative";
        }

        var details = vouchers.SelectMany(v => v.Details).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in details)
        {
            if (!seen.Add(detail.TraNoBus))
            {
                return $"TraNoBus: {detail.TraNoBus} appears twice";
            }

            if (detail.Amt <= 0)
            {
                return $"Amt: {detail.Amt.ToString("0.00", CultureInfo.InvariantCulture)} of TraNoBus {detail.TraNoBus} is not a payment";
            }
        }

        if ((head.BatchCount ?? 1) == 1 && (details.Count != head.AllNum || details.Sum(d => d.Amt) != head.AllAmt))
        {
            return $"AllNum/AllAmt: the file holds {details.Count} records of {details.Sum(d => d.Amt).ToString("0.00", CultureInfo.InvariantCulture)}, the header says {head.AllNum} of {head.AllAmt.ToString("0.00", CultureInfo.InvariantCulture)}";
        }

        return null;
    }
}
