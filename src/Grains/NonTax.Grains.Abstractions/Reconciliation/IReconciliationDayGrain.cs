using Orleans.Concurrency;

namespace NonTax.Grains.Abstractions.Reconciliation;

/// <summary>
/// One bank's reconciliation of one business day (key: <see cref="ReconciliationDay.Key"/>).
/// Its state is bounded: status, per file kind its counts, sums, how many batches arrived and the
/// run number — never the records, which live in tables. Reminder-driven: files stored by the
/// edge are compared on a prompt or by the sweeper; results go out through the bank's BankLink.
/// </summary>
public interface IReconciliationDayGrain : IGrainWithStringKey
{
    /// <summary>The edge stored a batch: look at the stored files and compare what is complete and new. Fire-and-forget.</summary>
    [OneWay]
    Task Prompt();

    /// <summary>Looks at the stored files now and compares every complete file not compared since its last batch.</summary>
    Task<ReconciliationDayView> Process();

    /// <summary>Compares every complete file again (staff's re-run); the same data gives the same result.</summary>
    Task<ReconciliationDayView> Rerun(string operatorName);

    [AlwaysInterleave]
    Task<ReconciliationDayView> Get();

    /// <summary>Staff settle one open difference: how (<see cref="DifferenceResolution"/>), why, who.</summary>
    Task<ResolveOutcome> Resolve(long differenceId, string resolution, string note, string operatorName);

    /// <summary>
    /// The cut-off passed: when the day has no 2555 yet, opens the day and raises the missing-file
    /// alert once. Returns whether the file is missing.
    /// </summary>
    Task<bool> CheckCutOff();
}
