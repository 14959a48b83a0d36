using System.Collections.Concurrent;
using NonTax.Grains.Abstractions.Outbound;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>
/// Test-only BankLink: records every hand-over each peer node took, a repeated InstructionId too
/// (the real link would ignore the repeat, but a test asserting one hand-over must see a second),
/// and counts every Enqueue, taken or refused.
/// </summary>
public sealed class RecordingBankLinkGrain : Grain, IBankLinkGrain
{
    public static ConcurrentDictionary<string, ConcurrentQueue<OutboundInstruction>> Received { get; } = new();

    /// <summary>Every Enqueue call per node, taken or refused.</summary>
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    /// <summary>Successful Enqueue calls per instruction id (the real link would ignore all but the first).</summary>
    public static ConcurrentDictionary<string, int> Taken { get; } = new();

    /// <summary>Nodes whose link is "down": Enqueue throws.</summary>
    public static ConcurrentDictionary<string, bool> Unreachable { get; } = new();

    public static IReadOnlyCollection<OutboundInstruction> For(string node) =>
        Received.TryGetValue(node, out var queue) ? [.. queue] : [];

    /// <summary>Nodes whose link is slow: Enqueue waits until the test completes the gate.</summary>
    public static ConcurrentDictionary<string, TaskCompletionSource> Gates { get; } = new();

    public async Task Enqueue(OutboundInstruction instruction)
    {
        var node = this.GetPrimaryKeyString();
        Attempts.AddOrUpdate(node, 1, (_, n) => n + 1);
        if (Gates.TryGetValue(node, out var gate))
        {
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }

        if (Unreachable.ContainsKey(node))
        {
            throw new InvalidOperationException($"Link to {node} is down.");
        }

        Taken.AddOrUpdate(instruction.InstructionId, 1, (_, n) => n + 1);
        Received.GetOrAdd(node, _ => new()).Enqueue(instruction);
    }

    /// <summary>Waits (bounded) until <paramref name="node"/> holds an instruction matching <paramref name="match"/>: hand-overs follow the reply.</summary>
    public static async Task<OutboundInstruction> HandedOverAsync(string node, Func<OutboundInstruction, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (For(node).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing matching was handed to {node}.");
            }

            await Task.Delay(20);
        }
    }

    public Task<IReadOnlyList<OutboundMessageView>> GetMessages() =>
        Task.FromResult<IReadOnlyList<OutboundMessageView>>(For(this.GetPrimaryKeyString())
            .Select(i => new OutboundMessageView(i.InstructionId, i.MsgNo, i.InstructionId, i.BusinessNo, OutboundMessageStatus.Pending, 0, i.CreatedAt, null, null, null, null, null))
            .ToList());

    public Task<bool> Retry(string instructionId, string operatorName) => Task.FromResult(false);

    public Task<bool> Close(string instructionId, string reason, string operatorName) => Task.FromResult(false);

    public Task DeliverDue() => Task.CompletedTask;
}
