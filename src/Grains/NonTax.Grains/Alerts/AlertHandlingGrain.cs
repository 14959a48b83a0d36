using NonTax.Grains.Abstractions.Alerts;
using NonTax.Grains.Abstractions.Journal;
using NonTax.Grains.Abstractions.Journal.Facts;
using Orleans.Concurrency;

namespace NonTax.Grains.Alerts;

/// <summary>See <see cref="IAlertHandlingGrain"/>. No state: each call records one fact.</summary>
[StatelessWorker]
[Reentrant]
public sealed class AlertHandlingGrain(IFactJournal journal, TimeProvider clock) : Grain, IAlertHandlingGrain
{
    public const int MaxNoteLength = 500;

    public Task Acknowledge(string alertId, string acknowledgedBy) =>
        journal.RecordAsync([BusinessFact.Create(alertId, alertId, clock.GetUtcNow(), new AlertAcknowledged(alertId, acknowledgedBy))]);

    public async Task<bool> Close(string alertId, string closedBy, string note)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > MaxNoteLength)
        {
            return false;
        }

        await journal.RecordAsync([BusinessFact.Create(alertId, alertId, clock.GetUtcNow(), new AlertClosed(alertId, closedBy, note.Trim()))]);
        return true;
    }
}
