using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using NonTax.Protocol;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Nodes;
using NonTax.Protocol.Vouchers;
using NonTax.Protocol.Vouchers.MoneyFlow;

namespace NonTax.BankSimulator;

/// <summary>
/// The bank's own server, where the finance node sends 5xxx messages: every frame is verified,
/// recorded and answered with the bank's generic reply (2001, or 8001 for a unit platform).
/// Results that the finance node waits for (2617 after a 5617, 2952 after a 5952) are sent back
/// afterwards on a new connection, as real banks do.
/// </summary>
public sealed class PeerServer : IAsyncDisposable
{
    private readonly SimulatorPeer _peer;
    private readonly FinanceClient _finance;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentQueue<ExchangeRecord> _seen = new();
    private readonly List<Task> _followUps = [];

    public PeerServer(SimulatorPeer peer, FinanceClient finance, IPAddress address, int port)
    {
        _peer = peer;
        _finance = finance;
        _listener = new TcpListener(address, port);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Every message received and every follow-up result sent, in order.</summary>
    public IReadOnlyCollection<ExchangeRecord> Seen => _seen;

    /// <summary>When false, a 5604 is acknowledged but no 2607 result is sent.</summary>
    public bool AnswerDirectDebits { get; set; } = true;

    /// <summary>When set, every 5604 is answered 2607 with this result code (nothing debited) instead of 00000.</summary>
    public string? DirectDebitFailure { get; set; }

    /// <summary>When false, a 5617 is acknowledged but no 2617 result is sent (to test retries and manual closing).</summary>
    public bool AnswerRefunds { get; set; } = true;

    /// <summary>When false, a 5614 is acknowledged but no 2614 result is sent.</summary>
    public bool AnswerClearing { get; set; } = true;

    /// <summary>The Result of the 2614 this bank sends: 00000 moves every row; any other code refuses them all.</summary>
    public string ClearingResultCode { get; set; } = "00000";

    /// <summary>When false, a 5618 is acknowledged but no 2618 result is sent.</summary>
    public bool AnswerRemittances { get; set; } = true;

    /// <summary>When set, every 5618 is answered 2618 with this result code (nothing remitted) instead of 00000.</summary>
    public string? RemittanceFailure { get; set; }

    /// <summary>The answer put in the generic reply; set to a failure code to make the finance node retry.</summary>
    public string ReplyResult { get; set; } = "00000";

    public event Action<ExchangeRecord>? Observed;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        Task[] followUps;
        lock (_followUps)
        {
            followUps = [.. _followUps];
        }

        await Task.WhenAll(followUps.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            var stream = client.GetStream();
            var reader = PipeReader.Create(stream);
            RawFrame? frame = null;
            while (frame is null)
            {
                var read = await reader.ReadAsync(timeout.Token);
                var result = CnnontaxCodec.Default.TryReadFrame(read.Buffer, out var consumed);
                if (result.IsComplete)
                {
                    frame = result.Frame;
                    reader.AdvanceTo(consumed);
                }
                else if (result.Status == FrameReadStatus.Invalid || read.IsCompleted)
                {
                    return;
                }
                else
                {
                    reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                }
            }

            var decoded = CnnontaxCodec.Default.Decode(frame);
            if (decoded.Envelope is null || !CnnontaxCodec.Default.VerifyMac(frame, [_peer.Token]))
            {
                Record(new ExchangeRecord("in", _peer.NodeCode, frame.MsgNo, decoded.MsgId ?? "?", null, [("Error", decoded.Error?.ToString() ?? "MAC does not verify")], []));
                return;
            }

            var head = decoded.Envelope.Head;
            // Groups (5952's Accounts/Account…) are kept as path fields so tests and the console see every row.
            var fields = VoucherPaths.ToFields(decoded.Envelope.First.Voucher);
            var replyMsgNo = NodeCode.KindOf(_peer.NodeCode) == NodeKind.UnitPlatform ? "8001" : "2001";
            var replyFields = new List<(string Name, string Value)> { ("OriMsgNo", head.MsgNo), ("Result", ReplyResult), ("Information", "received") };
            var replyHead = new Head(_peer.NodeCode, head.Src, replyMsgNo, _finance.NewMsgId(), head.MsgId, _finance.Today());
            await stream.WriteAsync(CnnontaxCodec.Default.Encode(replyHead, Voucher.FromFields(replyFields), _peer.Token, _finance.FinanceNode[1..], "1"), timeout.Token);
            Record(new ExchangeRecord("in", _peer.NodeCode, head.MsgNo, head.MsgId, replyMsgNo, fields, replyFields, head.MsgRef));
            if (ReplyResult == "00000")
            {
                ScheduleFollowUp(head, fields);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
        {
            // A broken inbound connection is the finance node's problem to retry.
        }
    }

    private void ScheduleFollowUp(Head head, IReadOnlyList<(string Name, string Value)> fields)
    {
        Func<Task>? followUp = head.MsgNo switch
        {
            "5617" when AnswerRefunds => () => SendRefundResultAsync(head, fields),
            "5604" when AnswerDirectDebits => () => SendDirectDebitResultAsync(head, fields),
            "5952" => () => SendAccountAckAsync(head, fields),
            "5614" when AnswerClearing => () => SendClearingResultAsync(head, fields),
            "5618" when AnswerRemittances => () => SendRemittanceResultAsync(head, fields),
            _ => null,
        };
        if (followUp is null)
        {
            return;
        }

        lock (_followUps)
        {
            _followUps.Add(Task.Run(async () =>
            {
                try
                {
                    await followUp();
                }
                catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
                {
                    Record(new ExchangeRecord("out", _peer.NodeCode, "?", "?", null, [("Error", exception.Message)], []));
                }
            }));
        }
    }

    private async Task SendRefundResultAsync(Head instruction, IReadOnlyList<(string Name, string Value)> fields)
    {
        var refundNo = fields.FirstOrDefault(f => f.Name == "RefundNo").Value ?? string.Empty;
        var today = _finance.Today().ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var result = new List<(string Name, string Value)>
        {
            ("RefundNo", refundNo),
            ("Result", "00000"),
            ("RefundDate", today),
            ("RefundTraNo", "RF" + instruction.MsgId[^12..]),
            ("Information", "refunded to the payer"),
        };
        Record(await _finance.SendAsync(_peer, "2617", result, msgRef: instruction.MsgId, cancellationToken: _stop.Token));
    }

    /// <summary>2607 for a 5604: debited (00000) with a transaction number of its own, or <see cref="DirectDebitFailure"/> when set.</summary>
    private async Task SendDirectDebitResultAsync(Head instruction, IReadOnlyList<(string Name, string Value)> fields)
    {
        string Field(string name) => fields.FirstOrDefault(f => f.Name == name).Value ?? string.Empty;
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var result = new List<(string Name, string Value)>
        {
            ("DebitNo", Field("DebitNo")),
            ("PayCode", Field("PayCode")),
            ("Result", DirectDebitFailure ?? "00000"),
            ("Amt", Field("Amt")),
            ("DebitDate", _finance.Today().ToString("yyyyMMdd", CultureInfo.InvariantCulture)),
            ("DebitTime", now.ToString("HHmmss", CultureInfo.InvariantCulture)),
            ("TraNoBus", "DD" + instruction.MsgId[^16..]),
            ("BankOutlet", "320682010501"),
            ("Information", DirectDebitFailure is null ? "debited from the authorised account" : "insufficient funds"),
        };
        Record(await _finance.SendAsync(_peer, "2607", result, msgRef: instruction.MsgId, cancellationToken: _stop.Token));
    }

    private async Task SendRemittanceResultAsync(Head instruction, IReadOnlyList<(string Name, string Value)> fields)
    {
        var parsed = RemittanceInstruction.Parse(VoucherPaths.ToVoucher(fields));
        if (!parsed.TryGetValue(out var remittance, out var error))
        {
            Record(new ExchangeRecord("out", _peer.NodeCode, "2618", "?", null, [("Error", error.ToString())], []));
            return;
        }

        // The bank's own transaction number for a remittance it executed; none when it refused.
        var failure = RemittanceFailure;
        var result = failure is null
            ? new RemittanceResult(remittance.RemitNo, remittance.RemitType, "00000", _finance.Today(), remittance.AllAmt, "RM" + instruction.MsgId[^10..])
            : new RemittanceResult(remittance.RemitNo, remittance.RemitType, failure, _finance.Today(), remittance.AllAmt, "", "国库账户状态异常");
        Record(await _finance.SendAsync(_peer, "2618", VoucherPaths.ToFields(result.ToVoucher()), msgRef: instruction.MsgId, cancellationToken: _stop.Token));
    }

    private async Task SendClearingResultAsync(Head instruction, IReadOnlyList<(string Name, string Value)> fields)
    {
        var parsed = ClearingInstruction.Parse(VoucherPaths.ToVoucher(fields));
        if (!parsed.TryGetValue(out var clearing, out var error))
        {
            Record(new ExchangeRecord("out", _peer.NodeCode, "2614", "?", null, [("Error", error.ToString())], []));
            return;
        }

        var code = ClearingResultCode;
        var rows = clearing.Details
            .Select(d => new ClearingResult.Detail(d.LineNo, code, d.Amt, code == "00000" ? "CR" + instruction.MsgId[^8..] + d.LineNo.ToString(CultureInfo.InvariantCulture) : ""))
            .ToArray();
        var result = new ClearingResult(clearing.ClearNo, clearing.ClearDate, code, _finance.Today(), rows.Length, rows.Sum(r => r.Amt), rows,
            code == "00000" ? "" : "账户状态异常");
        Record(await _finance.SendAsync(_peer, "2614", VoucherPaths.ToFields(result.ToVoucher()), msgRef: instruction.MsgId, cancellationToken: _stop.Token));
    }

    private async Task SendAccountAckAsync(Head instruction, IReadOnlyList<(string Name, string Value)> fields)
    {
        var seqNo = fields.FirstOrDefault(f => f.Name == "SeqNo").Value ?? "0";
        Record(await _finance.SendAsync(_peer, "2952", [("SeqNo", seqNo), ("Result", "00000")], msgRef: instruction.MsgId, cancellationToken: _stop.Token));
    }

    private void Record(ExchangeRecord record)
    {
        _seen.Enqueue(record);
        Observed?.Invoke(record);
    }
}
