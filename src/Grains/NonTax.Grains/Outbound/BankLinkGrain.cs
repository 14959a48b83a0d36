using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Outbound;

namespace NonTax.Grains.Outbound;

/// <summary>
/// One peer's outbound link. Messages are persisted before anything is sent; each is sent with
/// the MsgID fixed at enqueue until the peer answers success, then never again. A message that
/// keeps failing past <see cref="BankLinkOptions.DeadAfter"/> is parked as dead with a fact that
/// raises an alert. A reminder wakes the link after a restart while anything is pending; a timer
/// paces the retries while it is active.
/// </summary>
public sealed class BankLinkGrain(
    [PersistentState("bank-link", StorageNames.Domain)] IPersistentState<BankLinkState> state,
    IOutboundTransport transport,
    IMessageIdSource messageIds,
    IOptions<BankLinkOptions> options,
    TimeProvider time,
    ILogger<BankLinkGrain> logger) : Grain, IBankLinkGrain, IRemindable
{
    private const string WakeReminder = "bank-link-wake";
    private readonly BankLinkOptions _options = options.Value;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private IGrainTimer? _timer;
    private bool _delivering;

    private string PeerNodeCode => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (HasPending())
        {
            StartTimer();
            await EnsureWakeReminder(true);
        }
    }

    public async Task Enqueue(OutboundInstruction instruction)
    {
        if (state.State.Messages.ContainsKey(instruction.InstructionId))
        {
            return;
        }

        var now = time.GetUtcNow();
        var message = new OutboundMessage
        {
            Instruction = instruction,
            MsgId = messageIds.Next(),
            Status = OutboundMessageStatus.Pending,
            QueuedAt = now,
            NextAttemptAt = now,
            RetryWindowStart = now,
        };
        state.State.Messages[instruction.InstructionId] = message;
        Record(FactKinds.OutboundQueued, message, new { msgNo = instruction.MsgNo, businessNo = instruction.BusinessNo, msgId = message.MsgId });
        await WriteOrRollBack(() => state.State.Messages.Remove(instruction.InstructionId));
        await EnsureWakeReminder(true);
        StartTimer();
    }

    public Task<IReadOnlyList<OutboundMessageView>> GetMessages() =>
        Task.FromResult<IReadOnlyList<OutboundMessageView>>(
            state.State.Messages.Values.OrderByDescending(m => m.QueuedAt).Select(m => m.ToView()).ToList());

    public async Task<bool> Retry(string instructionId, string operatorName)
    {
        if (!state.State.Messages.TryGetValue(instructionId, out var message) || message.Status != OutboundMessageStatus.Dead)
        {
            return false;
        }

        var now = time.GetUtcNow();
        message.Status = OutboundMessageStatus.Pending;
        message.NextAttemptAt = now;
        message.RetryWindowStart = now;
        message.FinishedAt = null;
        Record(FactKinds.OutboundRetried, message, new { operatorName });
        await WriteAsync();
        await EnsureWakeReminder(true);
        StartTimer();
        return true;
    }

    public async Task<bool> Close(string instructionId, string reason, string operatorName)
    {
        if (string.IsNullOrWhiteSpace(reason)
            || !state.State.Messages.TryGetValue(instructionId, out var message)
            || message.Status is OutboundMessageStatus.Delivered or OutboundMessageStatus.Closed)
        {
            return false;
        }

        message.Status = OutboundMessageStatus.Closed;
        message.ClosedReason = reason;
        message.FinishedAt = time.GetUtcNow();
        Record(FactKinds.OutboundClosed, message, new { reason, operatorName });
        await WriteAsync();
        return true;
    }

    public async Task DeliverDue()
    {
        // Sends await the network with the grain open to other calls; one pass at a time.
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            await DeliverDuePass();
        }
        finally
        {
            _delivering = false;
        }
    }

    private async Task DeliverDuePass()
    {
        var now = time.GetUtcNow();
        var due = state.State.Messages.Values
            .Where(m => m.Status == OutboundMessageStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.QueuedAt)
            .ToList();
        var changed = ForgetOldFinished(now);
        foreach (var chunk in due.Chunk(Math.Max(1, _options.MaxParallelSends)))
        {
            await Task.WhenAll(chunk.Select(Attempt));
            changed = true;
        }

        if (changed)
        {
            await WriteAsync();
        }

        if (!HasPending())
        {
            _timer?.Dispose();
            _timer = null;
            await EnsureWakeReminder(false);
        }
    }

    /// <summary>The reminder only wakes the link after a restart; the timer does the (interleaving) sending.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (HasPending())
        {
            StartTimer();
        }

        return Task.CompletedTask;
    }

    private async Task Attempt(OutboundMessage message)
    {
        var startedAt = time.GetUtcNow();
        message.Attempts++;
        message.LastAttemptAt = startedAt;
        try
        {
            using var timeout = new CancellationTokenSource(_options.AttemptTimeout);
            var answer = await transport.SendAsync(PeerNodeCode, message.Instruction.MsgNo, message.MsgId, message.Instruction.Fields, timeout.Token);
            message.AnswerResult = answer.Result;
            message.AnswerInformation = answer.Information;
            if (answer.IsSuccess)
            {
                message.Status = OutboundMessageStatus.Delivered;
                message.FinishedAt = time.GetUtcNow();
                message.LastError = null;
                Record(FactKinds.OutboundDelivered, message, new { attempts = message.Attempts, result = answer.Result });
                return;
            }

            message.LastError = $"peer answered {answer.Result}";
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Any failure to get an answer is retried with the same MsgID; the peer is idempotent on it.
            message.LastError = exception.GetType().Name + ": " + exception.Message;
            logger.LogWarning("Sending {MsgNo} {BusinessNo} to {Peer} failed (attempt {Attempts}): {Error}",
                message.Instruction.MsgNo, message.Instruction.BusinessNo, PeerNodeCode, message.Attempts, message.LastError);
        }

        ScheduleRetryOrPark(message, time.GetUtcNow());
    }

    private void ScheduleRetryOrPark(OutboundMessage message, DateTimeOffset now)
    {
        if (now - message.RetryWindowStart >= _options.DeadAfter)
        {
            message.Status = OutboundMessageStatus.Dead;
            message.FinishedAt = now;
            Record(FactKinds.OutboundDead, message, new { attempts = message.Attempts, lastError = message.LastError });
            logger.LogError("Outbound {MsgNo} {BusinessNo} to {Peer} parked as dead after {Attempts} attempts",
                message.Instruction.MsgNo, message.Instruction.BusinessNo, PeerNodeCode, message.Attempts);
            return;
        }

        var exponent = Math.Min(message.Attempts - 1, 16);
        var delay = TimeSpan.FromTicks(Math.Min(_options.FirstRetryDelay.Ticks * (1L << exponent), _options.MaxRetryDelay.Ticks));
        message.NextAttemptAt = now + delay;
    }

    private bool ForgetOldFinished(DateTimeOffset now)
    {
        var old = state.State.Messages.Values
            .Where(m => m.Status is OutboundMessageStatus.Delivered or OutboundMessageStatus.Closed && now - m.FinishedAt > _options.KeepFinished)
            .Select(m => m.Instruction.InstructionId)
            .ToList();
        old.ForEach(id => state.State.Messages.Remove(id));
        return old.Count > 0;
    }

    private bool HasPending() => state.State.Messages.Values.Any(m => m.Status == OutboundMessageStatus.Pending);

    private void StartTimer() =>
        _timer ??= this.RegisterGrainTimer(_ => DeliverDue(), new GrainTimerCreationOptions(TimeSpan.Zero, _options.PollInterval) { KeepAlive = true, Interleave = true });

    private async Task EnsureWakeReminder(bool wanted)
    {
        var existing = await this.GetReminder(WakeReminder);
        if (wanted && existing is null)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        else if (!wanted && existing is not null)
        {
            await this.UnregisterReminder(existing);
        }
    }

    private void Record(string kind, OutboundMessage message, object detail)
    {
        var payload = JsonSerializer.Serialize(new
        {
            peer = PeerNodeCode,
            instructionId = message.Instruction.InstructionId,
            msgNo = message.Instruction.MsgNo,
            msgId = message.MsgId,
            businessNo = message.Instruction.BusinessNo,
            detail,
        });
        var factId = $"{kind}:{PeerNodeCode}:{message.Instruction.InstructionId}:{message.Attempts}:{message.Status}";
        state.State.Journal.Record(new BusinessFact(factId, kind, PeerNodeCode, time.GetUtcNow(), payload));
    }

    /// <summary>Delivery passes interleave with other calls, so writes of the one state object take turns.</summary>
    private async Task WriteAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task WriteOrRollBack(Action rollBack)
    {
        try
        {
            await WriteAsync();
        }
        catch
        {
            rollBack();
            state.State.Journal.Clear();
            throw;
        }
    }
}
