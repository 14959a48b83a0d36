using NonTax.Grains.Abstractions.Units;
using Orleans.Concurrency;

namespace NonTax.Grains.Abstractions.BaseData;

/// <summary>
/// Pushes the bureau's base data to its agent and clearing banks as full refreshes (key: finance
/// node code, e.g. F320682): 5952 fiscal accounts (财政账户), 5953 regions (区划) and 5981 units'
/// supervised accounts (单位监管账户). Every refresh gets a SeqNo from a counter per MsgNo that
/// only grows and is stored before anything is queued, so a bank can ignore an older refresh
/// that arrives after a newer one.
/// </summary>
public interface IBaseDataPublisherGrain : IGrainWithStringKey
{
    /// <summary>Pushes all three refreshes now to every D/Q bank of the bureau, changed or not.</summary>
    /// <param name="reason">Why (shown in the journal), e.g. "bank reinstalled".</param>
    Task<IReadOnlyList<PublishedRefresh>> PublishAll(string reason, string operatorName);

    /// <summary>
    /// Told after the bureau's base data changed: a push of the refreshes whose content changed
    /// follows after a short quiet period, so a burst of edits produces one push.
    /// </summary>
    [OneWay]
    Task BaseDataChanged();

    /// <summary>
    /// Told after a unit was defined or changed: the publisher keeps which unit a supervised
    /// account belongs to (5981 names it) and schedules a push like <see cref="BaseDataChanged"/>.
    /// Idempotent.
    /// </summary>
    Task UnitChanged(CollectingUnitProfile unit);

    Task<BaseDataPublisherStatus> GetStatus();

    /// <summary>
    /// The supervised accounts with their units as the 5981 lists them now (from the bureau's
    /// accounts and the units the publisher keeps), and the active ones no unit uses.
    /// </summary>
    Task<IReadOnlyList<NonTax.Grains.Abstractions.BankAccounts.SupervisedAccount>> GetSupervisedAccounts();
}
