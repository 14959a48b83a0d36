using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using NonTax.Protocol.Envelope;
using NonTax.Protocol.Framing;
using NonTax.Protocol.Nodes;
using NonTax.Protocol.Security;
using NonTax.Protocol.Transport;

namespace NonTax.BankSimulator.Load;

/// <summary>
/// Drives banks and the unit platform against a finance node over real TCP. Closed loop: each of
/// C clients sends its next request when the previous one is answered. Open loop: requests leave
/// at a fixed offered rate and each latency is measured from the moment the request was due, so a
/// stalled server shows up in the percentiles instead of silently slowing the sender down
/// (coordinated omission).
/// </summary>
public sealed class LoadRunner
{
    private const string UnpaidCode = "pool-empty";

    /// <summary>What every notice of a load run is issued for and every confirmation pays.</summary>
    public const string Amount = "80.00";
    private readonly FinanceClient _finance;
    private readonly LoadOptions _options;
    private readonly string _host;
    private readonly int _port;
    private readonly SimulatorPeer[] _banks;
    private readonly SimulatorPeer _platform;
    private readonly NoticePool _pool = new();
    private readonly Dictionary<LoadOperation, MessageTypeStatistics> _statistics;
    private readonly ConcurrentQueue<Acknowledgement> _acknowledged = new();
    private readonly (LoadOperation Operation, double UpTo)[] _mix;
    private readonly string _runSalt = RandomNumberGenerator.GetInt32(0, 10_000).ToString("D4", CultureInfo.InvariantCulture);
    private long _sequence = RandomNumberGenerator.GetInt32(0, 500_000);
    private readonly string _runStamp = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 100_000).ToString("D5", CultureInfo.InvariantCulture);
    /// <summary>Shared by every runner of the process: two runners started in the same second (one per edge node) must not make the same code.</summary>
    private static long s_issued;
    private long _reconnects;
    private long _exhaustedAt;
    private volatile bool _stopped;

    public LoadRunner(FinanceClient finance, IReadOnlyList<SimulatorPeer> peers, string host, int port, LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(peers);
        _finance = finance;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _host = host;
        _port = port;
        // Banks and the public payment platform both confirm payments; the unit platform issues.
        _banks = [.. peers.Where(p => NodeCode.KindOf(p.NodeCode) is NodeKind.AgentBank or NodeKind.ClearingBank or NodeKind.PublicPaymentPlatform)];
        _platform = peers.FirstOrDefault(p => NodeCode.KindOf(p.NodeCode) == NodeKind.UnitPlatform) ?? throw new ArgumentException("the peers file has no unit platform (K…)");
        if (_banks.Length < 2 && options.Mix.GetValueOrDefault(LoadOperation.Duplicate) > 0)
        {
            throw new ArgumentException("duplicates need two banks in the peers file");
        }

        _statistics = Enum.GetValues<LoadOperation>().ToDictionary(o => o, o => new MessageTypeStatistics(o));
        var total = options.Mix.Values.Sum();
        var upTo = 0.0;
        _mix = [.. options.Mix.Where(m => m.Value > 0).Select(m => (m.Key, upTo += m.Value / total))];
    }

    public NoticePool Pool => _pool;

    public IReadOnlyCollection<Acknowledgement> Acknowledged => _acknowledged;

    /// <summary>Ends the run early: no request starts after this; those in flight finish and are counted.</summary>
    public void Stop() => _stopped = true;

    /// <summary>Called for every request once it is answered or its connection failed (from many threads).</summary>
    public Action<RequestRecord>? Observed { get; set; }

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken)
    {
        if (_options.CodesFile is not null)
        {
            _pool.LoadUnpaid(_options.CodesFile);
        }

        if (_options.PaidFile is not null)
        {
            _pool.LoadPaid(_options.PaidFile);
        }

        if (_options.PreIssue > 0)
        {
            await PreIssueAsync(_options.PreIssue, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var measureFrom = _options.WarmUp;
        var measureTo = _options.WarmUp + _options.Duration;
        if (_options.Rate is { } rate)
        {
            await OpenLoopAsync(clock, rate, measureFrom, measureTo, cancellationToken);
        }
        else
        {
            await ClosedLoopAsync(clock, measureFrom, measureTo, cancellationToken);
        }

        // A pool that ran dry ends the measured window early; rates use the window really measured.
        var exhausted = Interlocked.Read(ref _exhaustedAt);
        var end = exhausted > 0 ? TimeSpan.FromTicks(Math.Min(exhausted, measureTo.Ticks)) : measureTo;
        var measured = end > measureFrom ? end - measureFrom : TimeSpan.Zero;
        return new LoadResult(_options, [.. _statistics.Values.Where(s => s.Results.Count > 0)], measured, exhausted > 0, Interlocked.Read(ref _reconnects));
    }

    /// <summary>Issues notices before the measured run so confirmations find unpaid codes.</summary>
    private async Task PreIssueAsync(int count, CancellationToken cancellationToken)
    {
        var issued = 0;
        var failed = 0;
        await using var clients = new ClientSet(this);
        await Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(async client =>
        {
            while (Volatile.Read(ref issued) < count && Volatile.Read(ref failed) <= count)
            {
                var (result, _) = await ExecuteAsync(LoadOperation.Issue, clients.For(client), Stopwatch.GetTimestamp(), cancellationToken);
                Interlocked.Increment(ref result == "00000" ? ref issued : ref failed);
            }
        }));
        if (issued < count)
        {
            throw new IOException($"pre-issue: only {issued} of {count} notices issued ({failed} refused or failed)");
        }
    }

    private async Task ClosedLoopAsync(Stopwatch clock, TimeSpan measureFrom, TimeSpan measureTo, CancellationToken cancellationToken)
    {
        await using var clients = new ClientSet(this);
        await Task.WhenAll(Enumerable.Range(0, _options.Concurrency).Select(async client =>
        {
            while (clock.Elapsed < measureTo && Interlocked.Read(ref _exhaustedAt) == 0 && !_stopped && !cancellationToken.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                var operation = Pick();
                var (result, latency) = await ExecuteAsync(operation, clients.For(client), Stopwatch.GetTimestamp(), cancellationToken);
                if (result == UnpaidCode)
                {
                    MarkExhaustedUnlessProduced(operation, clock);
                    continue;
                }

                if (result is "io" or "timeout" && _options.PauseAfterFailure > TimeSpan.Zero)
                {
                    await Task.Delay(_options.PauseAfterFailure, cancellationToken);
                }

                // Every request started in the window counts, however late it finishes: dropping the
                // slow ones at the window's end would flatter the tail.
                if (started >= measureFrom)
                {
                    _statistics[operation].Record(result, latency);
                }
            }
        }));
    }

    /// <summary>
    /// The timestamp at which <paramref name="clock"/> started. The open loop's schedule runs on
    /// the run's clock, so a request's due time is counted from there, not from when the loop got
    /// going: in a fresh process compiling the loop alone took tens of milliseconds, every request
    /// left that much before its computed due time, and latencies came out short (a negative p50).
    /// </summary>
    public static long StartedAt(Stopwatch clock) => Stopwatch.GetTimestamp() - clock.ElapsedTicks;

    private async Task OpenLoopAsync(Stopwatch clock, double rate, TimeSpan measureFrom, TimeSpan measureTo, CancellationToken cancellationToken)
    {
        // Many requests may be in flight when the server falls behind; the cap only protects the
        // client machine's sockets, and waiting for it still counts in the latency.
        using var inFlight = new SemaphoreSlim(4096);
        var running = new List<Task>();
        var interval = TimeSpan.FromSeconds(1 / rate);
        var origin = StartedAt(clock);
        for (long i = 0; ; i++)
        {
            var due = interval * i;
            if (due >= measureTo || Interlocked.Read(ref _exhaustedAt) != 0 || _stopped || cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            var operation = Pick();
            var intended = origin + (long)(due.TotalSeconds * Stopwatch.Frequency);
            running.Add(Task.Run(
                async () =>
                {
                    await inFlight.WaitAsync(cancellationToken);
                    try
                    {
                        var (result, latency) = await ExecuteAsync(operation, null, intended, cancellationToken);
                        if (result == UnpaidCode)
                        {
                            MarkExhaustedUnlessProduced(operation, clock);
                        }
                        else if (due >= measureFrom)
                        {
                            _statistics[operation].Record(result, latency);
                        }
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                },
                cancellationToken));
            if (running.Count > 10_000)
            {
                running.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(running);
    }

    private void MarkExhaustedUnlessProduced(LoadOperation operation, Stopwatch clock)
    {
        var producer = operation == LoadOperation.Duplicate ? LoadOperation.Confirm : LoadOperation.Issue;
        if (_options.Mix.GetValueOrDefault(producer) <= 0)
        {
            Interlocked.CompareExchange(ref _exhaustedAt, clock.Elapsed.Ticks, 0);
        }
    }

    private LoadOperation Pick()
    {
        if (_mix.Length == 1)
        {
            return _mix[0].Operation;
        }

        var roll = Random.Shared.NextDouble();
        return _mix.FirstOrDefault(m => roll < m.UpTo, _mix[^1]).Operation;
    }

    /// <summary>Sends one request; the result code (or <c>io</c>) and milliseconds since it was due.</summary>
    private async Task<(string Result, double LatencyMs)> ExecuteAsync(LoadOperation operation, PersistentConnection? connection, long intended, CancellationToken cancellationToken)
    {
        var request = Prepare(operation);
        if (request is null)
        {
            return (UnpaidCode, 0);
        }

        string result;
        var msgId = NextMsgId();
        var sentAt = DateTimeOffset.UtcNow;
        using var bankTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.RequestTimeout is { } timeout)
        {
            bankTimeout.CancelAfter(timeout);
        }

        try
        {
            var frame = _finance.BuildFrame(request.Peer, request.MsgNo, request.Fields, msgId);
            var reply = connection is null
                ? await ShortConnectionClient.ExchangeAsync(_host, _port, frame, bankTimeout.Token)
                : await connection.ExchangeAsync(frame, bankTimeout.Token);
            result = ResultOf(reply, request.Peer.Token);
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            result = "io";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The bank gave up waiting: it knows no more than after a broken connection.
            result = "timeout";
        }

        var latency = Stopwatch.GetElapsedTime(intended).TotalMilliseconds;
        Settle(operation, request, result);
        Observed?.Invoke(new RequestRecord(operation, request.Peer.NodeCode, msgId, request.PayCode, request.TraNoBus, Amount, result, sentAt, latency));
        return (result, latency);
    }

    private sealed record Request(SimulatorPeer Peer, string MsgNo, IReadOnlyList<(string Name, string Value)> Fields, string PayCode, string? TraNoBus);

    private Request? Prepare(LoadOperation operation)
    {
        switch (operation)
        {
            case LoadOperation.Issue:
                var payCode = NewPayCode();
                var notice = new MessageFields.NoticeToIssue(payCode, "0104901", "如皋市自然资源和规划局", Amount, "103043211", "不动产登记费", Hold1: _options.ConfirmBack ? "Y" : "");
                return new Request(_platform, "8994", MessageFields.Issue(_finance.FinanceNode[1..], _finance.Today(), notice), payCode, null);
            case LoadOperation.Query:
                return _pool.TryPickKnown(out var known) ? new Request(RandomBank(null), "2601", MessageFields.Query(known), known, null) : null;
            case LoadOperation.Confirm:
                if (!_pool.TryTakeUnpaid(out var unpaid))
                {
                    return null;
                }

                var bank = RandomBank(null);
                return Confirmation(bank, unpaid);
            default:
                if (!_pool.TryTakePaid(out var paid))
                {
                    return null;
                }

                return Confirmation(RandomBank(paid.Bank), paid.PayCode);
        }
    }

    private Request Confirmation(SimulatorPeer bank, string payCode)
    {
        var traNoBus = NextTraNoBus();
        var payment = new MessageFields.Payment(payCode, Amount, traNoBus, "张三", "1", MessageFields.SandboxRecAcct);
        var fields = MessageFields.Confirmation(bank, payment, DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)));
        return new Request(bank, "2612", fields, payCode, traNoBus);
    }

    /// <summary>Moves codes through the pool and remembers what the ledger must show.</summary>
    private void Settle(LoadOperation operation, Request request, string result)
    {
        switch (operation)
        {
            case LoadOperation.Issue when result == "00000":
                _pool.AddUnpaid(request.PayCode);
                break;
            case LoadOperation.Confirm or LoadOperation.Duplicate when result is "00000" or "10006":
                _acknowledged.Enqueue(new Acknowledgement(request.PayCode, request.Peer.NodeCode, request.TraNoBus!, result));
                if (result == "00000")
                {
                    _pool.AddPaid(new NoticePool.PaidNotice(request.PayCode, request.Peer.NodeCode));
                }

                break;
        }
    }

    /// <summary>The Result of a 5001, 00000 for a 5603 (notice details); <c>mac</c> or <c>unreadable</c> otherwise.</summary>
    private static string ResultOf(RawFrame reply, string token)
    {
        if (!Mac.Verify(reply.Mac, reply.Body.Span, [token]))
        {
            return "mac";
        }

        if (reply.MsgNo == "5603")
        {
            return "00000";
        }

        var decoded = EnvelopeReader.Parse(reply.Body.Span, reply.MsgNo);
        return decoded.Envelope?.First.Voucher.ToFields().FirstOrDefault(f => f.Name == "Result").Value ?? "unreadable";
    }

    private SimulatorPeer RandomBank(string? except)
    {
        var candidates = except is null ? _banks : [.. _banks.Where(b => b.NodeCode != except)];
        return candidates[Random.Shared.Next(candidates.Length)];
    }

    /// <summary>
    /// MsgIDs and TraNoBus must never repeat within a bank: random digits would (a birthday
    /// collision within one second at a few hundred requests/s), a counter does not.
    /// </summary>
    private string NextMsgId() =>
        DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
        + (Interlocked.Increment(ref _sequence) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    private string NextTraNoBus() =>
        "LD" + DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + _runSalt
        + Interlocked.Increment(ref _sequence).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>Region, year, 9, the run's start second and a counter: unique across runs on one database.</summary>
    private string NewPayCode() =>
        _finance.FinanceNode[1..] + _finance.Today().ToString("yy", CultureInfo.InvariantCulture) + "9" + _runStamp
        + (Interlocked.Increment(ref s_issued) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>One persistent connection per closed-loop client, or none for short connections.</summary>
    private sealed class ClientSet(LoadRunner runner) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<int, PersistentConnection> _connections = new();

        public PersistentConnection? For(int client) =>
            runner._options.Persistent ? _connections.GetOrAdd(client, _ => new PersistentConnection(runner._host, runner._port)) : null;

        public async ValueTask DisposeAsync()
        {
            foreach (var connection in _connections.Values)
            {
                Interlocked.Add(ref runner._reconnects, connection.Reconnects);
                await connection.DisposeAsync();
            }
        }
    }
}
