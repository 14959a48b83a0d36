using System.Collections.Concurrent;
using NonTax.Grains.Abstractions.Outbound;
using NonTax.Grains.Outbound;

namespace NonTax.Integration.Tests.Outbound;

/// <summary>A peer network in memory: counts every send per MsgID; peers marked down refuse the connection.</summary>
public sealed class RecordingTransport : IOutboundTransport
{
    private readonly ConcurrentDictionary<string, int> _sends = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _down = new(StringComparer.Ordinal);

    public void MarkDown(string peerNodeCode) => _down[peerNodeCode] = true;

    /// <summary>Sends of messages whose instruction id is <paramref name="instructionId"/> (tests use it as the MsgNo-free business number).</summary>
    public int SendsOf(string peerNodeCode, string instructionId) => _sends.GetValueOrDefault($"{peerNodeCode}/{instructionId}");

    public int SendsTo(string peerNodeCode) => _sends.Where(s => s.Key.StartsWith(peerNodeCode + "/", StringComparison.Ordinal)).Sum(s => s.Value);

    public Task<OutboundAnswer> SendAsync(string peerNodeCode, string msgNo, string msgId, string msgRef, IReadOnlyList<VoucherField> fields, CancellationToken cancellationToken)
    {
        if (_down.ContainsKey(peerNodeCode))
        {
            throw new IOException($"{peerNodeCode} refused the connection");
        }

        // The tests put the instruction id in the first field, so a send is counted per instruction.
        _sends.AddOrUpdate($"{peerNodeCode}/{fields[0].Value}", 1, (_, n) => n + 1);
        return Task.FromResult(new OutboundAnswer("00000", "received"));
    }
}
