using System.Collections.Concurrent;
using NonTax.Grains.Abstractions.Outbound;

namespace NonTax.Grains.Tests.Infrastructure;

/// <summary>Test-only BankLink: records what each peer node was handed, idempotent on InstructionId.</summary>
public sealed class RecordingBankLinkGrain : Grain, IBankLinkGrain
{
    public static ConcurrentDictionary<string, ConcurrentDictionary<string, OutboundInstruction>> Received { get; } = new();

    /// <summary>Nodes whose link is "down": Enqueue throws.</summary>
    public static ConcurrentDictionary<string, bool> Unreachable { get; } = new();

    public static IReadOnlyCollection<OutboundInstruction> For(string node) =>
        Received.TryGetValue(node, out var queue) ? [.. queue.Values] : [];

    public Task Enqueue(OutboundInstruction instruction)
    {
        var node = this.GetPrimaryKeyString();
        if (Unreachable.ContainsKey(node))
        {
            throw new InvalidOperationException($"Link to {node} is down.");
        }

        Received.GetOrAdd(node, _ => new()).TryAdd(instruction.InstructionId, instruction);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboundMessageView>> GetMessages() =>
        Task.FromResult<IReadOnlyList<OutboundMessageView>>(For(this.GetPrimaryKeyString())
            .Select(i => new OutboundMessageView(i.InstructionId, i.MsgNo, i.InstructionId, i.BusinessNo, OutboundMessageStatus.Pending, 0, i.CreatedAt, null, null, null, null, null))
            .ToList());

    public Task<bool> Retry(string instructionId, string operatorName) => Task.FromResult(false);

    public Task<bool> Close(string instructionId, string reason, string operatorName) => Task.FromResult(false);

    public Task DeliverDue() => Task.CompletedTask;
}
