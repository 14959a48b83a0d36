using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Journal;

namespace NonTax.Grains.Outbound;

/// <summary>
/// One peer's outbound link. Messages are persisted before anything is sent; each is sent with
/// the MsgID fixed at enqueue until the peer answers success, then never again. A message that
/// keeps failing past <see cref="BankLinkOptions.DeadAfter"/> is parked as dead with a fact that
/// raises an alert. A reminder wakes the link after a restart while anything is pending; a timer
/// paces the retries while it is active.
/// </summary>
/// <remarks>
/// The state holds only unfinished messages (see <see cref="BankLinkState"/>), so a write costs
/// the same after a million deliveries as after one. Sends await the network with the grain open
/// to other calls; every change of the state happens under <see cref="_writeGate"/> together
/// with its commit, and no state object is held across a send, because a failed commit reads the
/// state back and replaces it.
/// </remarks>
public sealed class BankLinkGrain(
    [PersistentState("bank-link", StorageNames.Domain)] IPersistentState<BankLinkState> state,
    IOutboundTransport transport,
    IMessageIdSource messageIds,
    IOptions<BankLinkOptions> options,
    TimeProvider time,
    ILogger<BankLinkGrain> logger) : Grain, IBankLinkGrain, IRemindable
{
    /// <summary>Claim scope of queued instruction ids; the key is <c>{peer}/{instructionId}</c>, the owner its MsgID.</summary>
    internal const string ClaimScope = "outbound";

    private const string WakeReminder = "bank-link-wake";
    private readonly BankLinkOptions _options = options.Value;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private IGrainTimer? _timer;
    private bool _delivering;

    private string PeerNodeCode => this.GetPrimaryKeyString();
    private Dictionary<string, OutboundMessage> Messages => state.State.Messages;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Format < BankLinkState.BoundedFormat)
        {
            await MigrateToBoundedAsync();
        }

        if (HasPending())
        {
            StartTimer();
            await EnsureWakeReminder(true);
        }
    }

    public async Task Enqueue(OutboundInstruction instruction)
    {
        var queued = await ChangeAsync(() =>
        {
            if (Messages.ContainsKey(instruction.InstructionId))
            {
                return false;
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
            Messages[instruction.InstructionId] = message;
            state.State.Journal.Claim(InstructionClaim(message));
            Record(message, new OutboundQueued(PeerNodeCode, instruction.InstructionId, instruction.MsgNo, message.MsgId, instruction.BusinessNo,
                new(instruction.MsgNo, instruction.BusinessNo, message.MsgId)));
            return true;
        }, onClaimConflict: conflict =>
            // Queued before and since delivered or closed: it has left the state, its claim has not.
            logger.LogInformation("{InstructionId} to {Peer} was queued before as {MsgId}; not sent again",
                instruction.InstructionId, PeerNodeCode, conflict.ExistingOwner));

        if (queued)
        {
            await EnsureWakeReminder(true);
            StartTimer();
        }
    }

    public Task<IReadOnlyList<OutboundMessageView>> GetMessages() =>
        Task.FromResult<IReadOnlyList<OutboundMessageView>>(
            Messages.Values.OrderByDescending(m => m.QueuedAt).Select(m => m.ToView()).ToList());

    public async Task<bool> Retry(string instructionId, string operatorName)
    {
        var retried = await ChangeAsync(() =>
        {
            if (!Messages.TryGetValue(instructionId, out var message) || message.Status != OutboundMessageStatus.Dead)
            {
                return false;
            }

            var now = time.GetUtcNow();
            message.Status = OutboundMessageStatus.Pending;
            message.NextAttemptAt = now;
            message.RetryWindowStart = now;
            message.FinishedAt = null;
            var m = message.Instruction;
            Record(message, new OutboundRetried(PeerNodeCode, m.InstructionId, m.MsgNo, message.MsgId, m.BusinessNo, new(operatorName)));
            return true;
        });

        if (retried)
        {
            await EnsureWakeReminder(true);
            StartTimer();
        }

        return retried;
    }

    public Task<bool> Close(string instructionId, string reason, string operatorName) =>
        ChangeAsync(() =>
        {
            // Delivered and closed messages are no longer here; the caller answers "cannot be closed".
            if (string.IsNullOrWhiteSpace(reason) || !Messages.TryGetValue(instructionId, out var message))
            {
                return false;
            }

            message.Status = OutboundMessageStatus.Closed;
            message.ClosedReason = reason;
            message.FinishedAt = time.GetUtcNow();
            var m = message.Instruction;
            Record(message, new OutboundClosed(PeerNodeCode, m.InstructionId, m.MsgNo, message.MsgId, m.BusinessNo, new(reason, operatorName)));
            Messages.Remove(instructionId);
            return true;
        });

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
        // Taken under the gate: a message whose enqueue is still being committed is not sent yet
        // (if that commit failed, it would have gone out with no record of it).
        List<DueMessage> due;
        await _writeGate.WaitAsync();
        try
        {
            var now = time.GetUtcNow();
            due = Messages.Values
                .Where(m => m.Status == OutboundMessageStatus.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.QueuedAt)
                .Select(m => new DueMessage(m.Instruction, m.MsgId))
                .ToList();
        }
        finally
        {
            _writeGate.Release();
        }

        foreach (var chunk in due.Chunk(Math.Max(1, _options.MaxParallelSends)))
        {
            var attempts = await Task.WhenAll(chunk.Select(SendAsync));
            await ChangeAsync(() => attempts.Aggregate(false, (changed, attempt) => Apply(attempt) | changed));
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

    /// <summary>Talks to the peer only; the outcome is applied to the state afterwards, under the gate.</summary>
    private async Task<AttemptOutcome> SendAsync(DueMessage due)
    {
        var startedAt = time.GetUtcNow();
        try
        {
            using var timeout = new CancellationTokenSource(_options.AttemptTimeout);
            var answer = await transport.SendAsync(PeerNodeCode, due.Instruction.MsgNo, due.MsgId, due.Instruction.MsgRef ?? due.MsgId, due.Instruction.Fields, timeout.Token);
            return new AttemptOutcome(due, startedAt, time.GetUtcNow(), answer, answer.IsSuccess ? null : $"peer answered {answer.Result}");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Any failure to get an answer is retried with the same MsgID; the peer is idempotent on it.
            var error = exception.GetType().Name + ": " + exception.Message;
            logger.LogWarning("Sending {MsgNo} {BusinessNo} to {Peer} failed: {Error}",
                due.Instruction.MsgNo, due.Instruction.BusinessNo, PeerNodeCode, error);
            return new AttemptOutcome(due, startedAt, time.GetUtcNow(), null, error);
        }
    }

    /// <summary>False when staff closed or retried the message while it was being sent: their change stands.</summary>
    private bool Apply(AttemptOutcome attempt)
    {
        var id = attempt.Due.Instruction.InstructionId;
        if (!Messages.TryGetValue(id, out var message) || message.MsgId != attempt.Due.MsgId || message.Status != OutboundMessageStatus.Pending)
        {
            return false;
        }

        message.Attempts++;
        message.LastAttemptAt = attempt.StartedAt;
        message.AnswerResult = attempt.Answer?.Result;
        message.AnswerInformation = attempt.Answer?.Information;
        message.LastError = attempt.Error;
        if (attempt.Answer is { IsSuccess: true } answer)
        {
            message.Status = OutboundMessageStatus.Delivered;
            message.FinishedAt = attempt.EndedAt;
            var m = message.Instruction;
            Record(message, new OutboundDelivered(PeerNodeCode, m.InstructionId, m.MsgNo, message.MsgId, m.BusinessNo,
                new(message.Attempts, answer.Result, answer.Information)));
            Messages.Remove(id);
            return true;
        }

        ScheduleRetryOrPark(message, attempt.EndedAt);
        return true;
    }

    private void ScheduleRetryOrPark(OutboundMessage message, DateTimeOffset now)
    {
        if (now - message.RetryWindowStart >= _options.DeadAfter)
        {
            message.Status = OutboundMessageStatus.Dead;
            message.FinishedAt = now;
            var m = message.Instruction;
            Record(message, new OutboundDead(PeerNodeCode, m.InstructionId, m.MsgNo, message.MsgId, m.BusinessNo, new(message.Attempts, message.LastError)));
            logger.LogError("Outbound {MsgNo} {BusinessNo} to {Peer} parked as dead after {Attempts} attempts",
                message.Instruction.MsgNo, message.Instruction.BusinessNo, PeerNodeCode, message.Attempts);
            DropDeadBeyondCap();
            return;
        }

        var exponent = Math.Min(message.Attempts - 1, 16);
        var delay = TimeSpan.FromTicks(Math.Min(_options.FirstRetryDelay.Ticks * (1L << exponent), _options.MaxRetryDelay.Ticks));
        message.NextAttemptAt = now + delay;
    }

    /// <summary>Keeps the state bounded when a peer stays down and nobody acts on its dead letters.</summary>
    private void DropDeadBeyondCap()
    {
        var dead = Messages.Values.Where(m => m.Status == OutboundMessageStatus.Dead).ToList();
        foreach (var oldest in dead.OrderBy(m => m.FinishedAt).Take(dead.Count - Math.Max(0, _options.MaxDeadKept)))
        {
            Messages.Remove(oldest.Instruction.InstructionId);
            logger.LogError("Link to {Peer} keeps more than {Cap} dead messages: dropped dead {MsgNo} {BusinessNo} (MsgID {MsgId}); "
                + "its outbound_messages row stays dead and its alert raised, but it can no longer be retried from the link",
                PeerNodeCode, _options.MaxDeadKept, oldest.Instruction.MsgNo, oldest.Instruction.BusinessNo, oldest.MsgId);
        }
    }

    /// <summary>
    /// State written before finished messages left the link: claim every instruction id it holds
    /// (so a finished one is never re-sent once it is gone) and drop the finished ones, in one write.
    /// </summary>
    private async Task MigrateToBoundedAsync()
    {
        try
        {
            await ChangeAsync(() =>
            {
                foreach (var message in Messages.Values.ToList())
                {
                    state.State.Journal.Claim(InstructionClaim(message));
                    if (message.IsFinished)
                    {
                        Messages.Remove(message.Instruction.InstructionId);
                    }
                }

                state.State.Format = BankLinkState.BoundedFormat;
                return true;
            });
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The link still works on the old state; the next activation tries again.
            logger.LogError(exception, "Could not migrate the state of the link to {Peer}", PeerNodeCode);
        }
    }

    private bool HasPending() => Messages.Values.Any(m => m.Status == OutboundMessageStatus.Pending);

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

    private UniqueClaim InstructionClaim(OutboundMessage message) =>
        new(ClaimScope, $"{PeerNodeCode}/{message.Instruction.InstructionId}", message.MsgId);

    private void Record<TFact>(OutboundMessage message, TFact fact)
        where TFact : IOutboundFact =>
        state.State.Journal.Record(BusinessFact.Create(
            $"{PeerNodeCode}:{message.Instruction.InstructionId}:{message.Attempts}:{message.Status}", PeerNodeCode, time.GetUtcNow(), fact));

    /// <summary>
    /// Applies <paramref name="change"/> to the current state and commits it (when it reports a
    /// change) through <see cref="JournaledCommit"/>, all under the gate: delivery passes interleave
    /// with other calls, and a failed commit replaces the state with what is stored.
    /// </summary>
    private async Task<bool> ChangeAsync(Func<bool> change, Action<UniqueClaimConflictException>? onClaimConflict = null)
    {
        await _writeGate.WaitAsync();
        try
        {
            if (!change())
            {
                return false;
            }

            await state.CommitAsync(DeactivateOnIdle);
            return true;
        }
        catch (Exception exception) when (onClaimConflict is not null && JournaledCommit.FindClaimConflict(exception) is { Scope: ClaimScope } conflict)
        {
            onClaimConflict(conflict);
            return false;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private sealed record DueMessage(OutboundInstruction Instruction, string MsgId);

    private sealed record AttemptOutcome(DueMessage Due, DateTimeOffset StartedAt, DateTimeOffset EndedAt, OutboundAnswer? Answer, string? Error);
}
