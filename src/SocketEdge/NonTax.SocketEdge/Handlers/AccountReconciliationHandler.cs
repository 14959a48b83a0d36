using System.Globalization;
using NonTax.Grains.Abstractions.Reconciliation;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Results;
using NonTax.Protocol.Time;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.Reconciliation;
using NonTax.SocketEdge.Messages;
using NonTax.SocketEdge.Reconciliation;

namespace NonTax.SocketEdge.Handlers;

/// <summary>
/// 2557 (credits to fiscal accounts), 2556 (fiscal accounts' day) and 2581 (units' supervised
/// accounts' day), bank → finance: stored like a 2555 — checked, then written in one transaction
/// before the 5001 — and compared by the day's grain, whose result (5557, or 5556 naming the file)
/// is a later request to the bank. A malformed or inconsistent batch is refused 20001 and nothing
/// of it is stored.
/// </summary>
public sealed class AccountReconciliationHandler(ReconciliationFileWriter writer, IGrainFactory grains, TimeProvider time) : IMessageHandler
{
    public IReadOnlyCollection<string> HandledMsgNos { get; } =
        [MsgNos.ArrivalReconciliation, MsgNos.AccountReconciliation, MsgNos.SupervisedAccountStatement];

    public async Task<HandlerOutcome> HandleAsync(InboundRequest request, CancellationToken cancellationToken)
    {
        var msgNo = request.Head.MsgNo;
        var parsed = msgNo == MsgNos.ArrivalReconciliation
            ? Parse<ArrivalReconciliation>(request.Envelope.Vouchers, Arrivals)
            : Parse<AccountReconciliation>(request.Envelope.Vouchers, v => Accounts(msgNo, v));
        if (parsed.Refusal is { } refusal)
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, refusal);
        }

        var (header, records) = parsed.File!.Value;
        if (Check(header, ChinaTime.Today(time)) is { } problem)
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, problem);
        }

        var batch = new ReconciliationBatch(
            request.Peer.NodeCode, header.ChkDate, msgNo, (int)(header.BatchNo ?? 1), (int)(header.BatchCount ?? 1), header.BankCode,
            header.AllNum, header.AllAmt, header.Count, header.Amount, request.Head.MsgId);
        var stored = await writer.StoreAsync(batch, records, cancellationToken);
        if (!stored.Stored)
        {
            return HandlerOutcome.Generic(msgNo, ResultCodes.MalformedField, stored.Refusal!);
        }

        await grains.GetGrain<IReconciliationDayGrain>(new ReconciliationDay(batch.BankNode, batch.BusinessDay).Key).Prompt();
        var resultMsgNo = msgNo == MsgNos.ArrivalReconciliation ? MsgNos.ArrivalReconciliationResult : MsgNos.AccountReconciliationResult;
        var information = stored.FileComplete
            ? $"{ChinaTime.ToYyyyMmDd(batch.BusinessDay)} file complete ({stored.BatchesStored} of {batch.BatchCount} batches); result follows in {resultMsgNo}"
            : $"{ChinaTime.ToYyyyMmDd(batch.BusinessDay)} batch {batch.BatchNo} of {batch.BatchCount} stored ({header.Count} records)";
        return HandlerOutcome.Generic(msgNo, ResultCodes.Success, information);
    }

    /// <summary>What the checks and the batch row need of a message, whatever its kind: the header every voucher must share, and the records' count and sum.</summary>
    internal readonly record struct FileHeader(DateOnly ChkDate, string BankCode, long AllNum, decimal AllAmt, long? BatchNo, long? BatchCount, int Count, decimal Amount,
        string? RecordProblem);

    private readonly record struct Parsed((FileHeader Header, IReconciliationRecords Records)? File, string? Refusal);

    private static Parsed Parse<T>(IReadOnlyList<VoucherBody> bodies, Func<IReadOnlyList<T>, (FileHeader, IReconciliationRecords)> read)
        where T : ITypedVoucher<T>
    {
        var vouchers = new List<T>(bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            if (!T.Parse(bodies[i].Voucher).TryGetValue(out var voucher, out var error))
            {
                var where = bodies.Count > 1 ? $"voucher {i + 1}: " : "";
                return new Parsed(null, where + error.Information);
            }

            vouchers.Add(voucher);
        }

        return new Parsed(read(vouchers), null);
    }

    private static (FileHeader, IReconciliationRecords) Arrivals(IReadOnlyList<ArrivalReconciliation> vouchers)
    {
        var head = vouchers[0];
        var details = vouchers.SelectMany(v => v.Details).ToList();
        string? problem = null;
        if (vouchers.Any(v => v.ChkDate != head.ChkDate || v.BankCode != head.BankCode || v.AllNum != head.AllNum || v.AllAmt != head.AllAmt
            || v.BatchNo != head.BatchNo || v.BatchCount != head.BatchCount))
        {
            problem = "ChkDate/BankCode/AllNum/AllAmt/BatchNo/BatchCount: the vouchers of one message must carry the same header";
        }
        else if (details.GroupBy(d => d.TraNo, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problem = $"TraNo: {twice.Key} appears twice";
        }
        else if (details.FirstOrDefault(d => d.Amt <= 0) is { } notCredit)
        {
            problem = $"Amt: {notCredit.Amt.ToString("0.00", CultureInfo.InvariantCulture)} of TraNo {notCredit.TraNo} is not a credit";
        }

        return (new FileHeader(head.ChkDate, head.BankCode, head.AllNum, head.AllAmt, head.BatchNo, head.BatchCount, details.Count, details.Sum(d => d.Amt), problem),
            new ArrivalRecords(details));
    }

    private static (FileHeader, IReconciliationRecords) Accounts(string msgNo, IReadOnlyList<AccountReconciliation> vouchers)
    {
        var head = vouchers[0];
        var details = vouchers.SelectMany(v => v.Details).ToList();
        string? problem = null;
        if (vouchers.Any(v => v.ChkDate != head.ChkDate || v.BankCode != head.BankCode || v.AllNum != head.AllNum || v.AllInAmt != head.AllInAmt
            || v.AllOutAmt != head.AllOutAmt || v.BatchNo != head.BatchNo || v.BatchCount != head.BatchCount))
        {
            problem = "ChkDate/BankCode/AllNum/AllInAmt/AllOutAmt/BatchNo/BatchCount: the vouchers of one message must carry the same header";
        }
        else if (details.GroupBy(d => d.AcctNo, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            problem = $"AcctNo: {twice.Key} appears twice";
        }
        else if ((head.BatchCount ?? 1) == 1 && details.Sum(d => d.OutAmt) != head.AllOutAmt)
        {
            problem = $"AllOutAmt: the accounts' debits add up to {details.Sum(d => d.OutAmt).ToString("0.00", CultureInfo.InvariantCulture)}, the header says {head.AllOutAmt.ToString("0.00", CultureInfo.InvariantCulture)}";
        }

        // The stored file's declared sum is the credits (AllInAmt); the debits are checked above.
        return (new FileHeader(head.ChkDate, head.BankCode, head.AllNum, head.AllInAmt, head.BatchNo, head.BatchCount, details.Count, details.Sum(d => d.InAmt), problem),
            new AccountDayRecords(msgNo, details));
    }

    /// <summary>The checks a batch must pass before anything is stored; null when it passes.</summary>
    internal static string? Check(FileHeader head, DateOnly today)
    {
        if (head.RecordProblem is { } problem)
        {
            return problem;
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
            return "AllNum: must not be negative";
        }

        if ((head.BatchCount ?? 1) == 1 && (head.Count != head.AllNum || head.Amount != head.AllAmt))
        {
            return $"AllNum/AllAmt: the file holds {head.Count} records of {head.Amount.ToString("0.00", CultureInfo.InvariantCulture)}, the header says {head.AllNum} of {head.AllAmt.ToString("0.00", CultureInfo.InvariantCulture)}";
        }

        return null;
    }
}
