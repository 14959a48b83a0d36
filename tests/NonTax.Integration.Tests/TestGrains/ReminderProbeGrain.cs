using System.Collections.Concurrent;

namespace NonTax.Integration.Tests.TestGrains;

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    private const string ReminderName = "probe";

    /// <summary>Ticks per grain key and the silo that received each: the test process hosts every silo.</summary>
    public static ConcurrentDictionary<string, ConcurrentQueue<string>> Ticks { get; } = new();

    public async Task Start(TimeSpan period) =>
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromSeconds(1), period);

    public async Task Stop()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Ticks.GetOrAdd(this.GetPrimaryKeyString(), _ => new()).Enqueue(RuntimeIdentity);
        return Task.CompletedTask;
    }
}
