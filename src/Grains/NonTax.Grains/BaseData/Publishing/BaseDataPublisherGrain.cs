using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Abstractions.BankAccounts;
using NonTax.Grains.Abstractions.BaseData;
using NonTax.Grains.Abstractions.Bureau;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Abstractions.Units;
using NonTax.Grains.Hosting;
using NonTax.Grains.Journal;

namespace NonTax.Grains.BaseData.Publishing;

/// <summary>
/// See <see cref="IBaseDataPublisherGrain"/>. A push is made durable first (new SeqNos, the
/// instructions and a <c>basedata.pushed</c> fact per MsgNo in one write) and only then handed
/// to the bank links, so a crash in between neither reuses a SeqNo nor loses a push: what was not
/// handed over is handed over on activation or by the reminder. Reported changes wait for
/// <see cref="BaseDataPublishingOptions.Debounce"/> on a one-shot timer; the reminder is the
/// backstop when the grain is deactivated before it fires.
/// </summary>
public sealed class BaseDataPublisherGrain(
    [PersistentState("basedata-publisher", StorageNames.Domain)] IPersistentState<BaseDataPublisherState> state,
    IOptions<BaseDataPublishingOptions> options,
    TimeProvider clock,
    ILogger<BaseDataPublisherGrain> logger) : Grain, IBaseDataPublisherGrain, IRemindable
{
    private const string BackstopReminder = "basedata-publish";
    private const string ChangeReason = "base data changed";
    private const string SystemOperator = "system";

    private IGrainTimer? _debounce;

    private BaseDataPublisherState S => state.State;
    private string FinanceNode => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.ChangePending)
        {
            StartDebounce();
        }

        if (S.Undelivered.Count > 0)
        {
            await HandOverAsync();
        }
    }

    public async Task<IReadOnlyList<PublishedRefresh>> PublishAll(string reason, string operatorName)
    {
        var published = await PublishAsync(onlyChanged: false, reason, operatorName);
        await HandOverAsync();
        return published;
    }

    public async Task BaseDataChanged()
    {
        if (!S.ChangePending)
        {
            S.ChangePending = true;
            await state.CommitAsync(DeactivateOnIdle);
            await this.RegisterOrUpdateReminder(BackstopReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        StartDebounce();
    }

    public async Task UnitChanged(CollectingUnitProfile unit)
    {
        if (S.Units.TryGetValue(unit.UnitCode, out var known) && known == unit)
        {
            return;
        }

        S.Units[unit.UnitCode] = unit;
        await state.CommitAsync(DeactivateOnIdle);
        await BaseDataChanged();
    }

    public Task<BaseDataPublisherStatus> GetStatus() =>
        Task.FromResult(new BaseDataPublisherStatus(new Dictionary<string, long>(S.SeqNos), S.ChangePending, S.Undelivered.Count));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.ChangePending)
        {
            await PublishChangedAsync();
            return;
        }

        await HandOverAsync();
    }

    public async Task<IReadOnlyList<SupervisedAccount>> GetSupervisedAccounts()
    {
        var snapshot = await GrainFactory.GetGrain<IBureauGrain>(FinanceNode).GetSnapshot();
        return snapshot is null ? [] : RefreshContent.SupervisedAccountRows(snapshot.FiscalAccounts, S.Units.Values);
    }

    private void StartDebounce() =>
        _debounce ??= this.RegisterGrainTimer(_ => PublishChangedAsync(), new GrainTimerCreationOptions(options.Value.Debounce, Timeout.InfiniteTimeSpan));

    private async Task PublishChangedAsync()
    {
        _debounce?.Dispose();
        _debounce = null;
        if (S.ChangePending)
        {
            await PublishAsync(onlyChanged: true, ChangeReason, SystemOperator);
        }

        await HandOverAsync();
    }

    /// <summary>Gives SeqNos and stores the instructions; nothing is handed over here.</summary>
    private async Task<IReadOnlyList<PublishedRefresh>> PublishAsync(bool onlyChanged, string reason, string operatorName)
    {
        var snapshot = await GrainFactory.GetGrain<IBureauGrain>(FinanceNode).GetSnapshot();
        if (snapshot is null)
        {
            S.ChangePending = false;
            await state.CommitAsync(DeactivateOnIdle);
            return [];
        }

        var peers = snapshot.AgentBanks
            .Select(b => b.NodeCode)
            .Where(n => n is ['D' or 'Q', ..])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        RefreshContent[] refreshes =
        [
            RefreshContent.Accounts(snapshot.FiscalAccounts),
            RefreshContent.Regions(FinanceNode, snapshot.Regions),
            RefreshContent.SupervisedAccounts(snapshot.FiscalAccounts, S.Units.Values),
        ];

        var now = clock.GetUtcNow();
        var published = new List<PublishedRefresh>();
        foreach (var refresh in peers.Count == 0 ? [] : refreshes)
        {
            var fingerprint = refresh.Fingerprint(peers);
            if (onlyChanged && S.PushedFingerprints.GetValueOrDefault(refresh.MsgNo) == fingerprint)
            {
                continue;
            }

            var seqNo = S.SeqNos.GetValueOrDefault(refresh.MsgNo) + 1;
            S.SeqNos[refresh.MsgNo] = seqNo;
            S.PushedFingerprints[refresh.MsgNo] = fingerprint;
            var fields = refresh.WithSeqNo(seqNo);
            var businessNo = seqNo.ToString(System.Globalization.CultureInfo.InvariantCulture);
            S.Undelivered.AddRange(peers.Select(peer =>
                new PendingHandOver(peer, new OutboundInstruction($"{refresh.MsgNo}-{seqNo}-{peer}", refresh.MsgNo, businessNo, fields, now))));
            S.Journal.Record(BusinessFact.Create($"{FinanceNode}:{refresh.MsgNo}:{seqNo}", FinanceNode, now,
                new BaseDataPushed(refresh.MsgNo, seqNo, peers, refresh.Rows, reason, operatorName)));
            published.Add(new PublishedRefresh(refresh.MsgNo, seqNo, peers, refresh.Rows));
        }

        S.ChangePending = false;
        await state.CommitAsync(DeactivateOnIdle);
        logger.LogInformation("Base data of {FinanceNode} pushed ({Reason}, {Operator}): {Refreshes}",
            FinanceNode, reason, operatorName, string.Join(", ", published.Select(p => $"{p.MsgNo}#{p.SeqNo}×{p.Peers.Count}")));
        return published;
    }

    /// <summary>Hands stored instructions to their bank links (idempotent on InstructionId there).</summary>
    private async Task HandOverAsync()
    {
        var delivered = new List<PendingHandOver>();
        foreach (var pending in S.Undelivered)
        {
            try
            {
                await GrainFactory.GetGrain<IBankLinkGrain>(pending.Peer).Enqueue(pending.Instruction);
                delivered.Add(pending);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Stays stored; the reminder tries again.
                logger.LogWarning(exception, "Handing {InstructionId} to the link of {Peer} failed", pending.Instruction.InstructionId, pending.Peer);
            }
        }

        if (delivered.Count > 0)
        {
            S.Undelivered.RemoveAll(delivered.Contains);
            await state.CommitAsync(DeactivateOnIdle);
        }

        if (S.Undelivered.Count > 0 || S.ChangePending)
        {
            await this.RegisterOrUpdateReminder(BackstopReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
        else if (await this.GetReminder(BackstopReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
