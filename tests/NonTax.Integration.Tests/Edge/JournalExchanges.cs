using System.Security.Cryptography;
using System.Text;
using NonTax.Infrastructure.Messages;

namespace NonTax.Integration.Tests.Edge;

/// <summary>Exchanges as the edge records them, with keys of their own so tests sharing a database stay apart.</summary>
internal static class JournalExchanges
{
    public static string NewPeer() => $"D{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";

    public static StoredReply Reply(string msgId, string result = "00000", string body = "request")
        => new(SHA256.HashData(Encoding.UTF8.GetBytes(body)), "5001", Encoding.UTF8.GetBytes($"<CFX>{msgId}:{result}</CFX>"), result);

    public static ArchivedFrame Request(string peer, string msgId, string? note = null) =>
        new(ArchivedFrame.Inbound, peer, "127.0.0.1:50000", "2612", msgId, null, "00000", note, Encoding.UTF8.GetBytes($"request {msgId}"));

    public static ArchivedFrame Answer(string peer, string msgId) =>
        new(ArchivedFrame.Outbound, peer, "127.0.0.1:50000", "5001", $"R{msgId}", msgId, "00000", null, Encoding.UTF8.GetBytes($"reply {msgId}"));

    /// <summary>What the edge does after answering: archive both frames and store the final reply.</summary>
    public static Task<StoredReply?> RecordAsync(MessageJournal journal, string peer, string msgId, StoredReply reply, string? note = null) =>
        journal.RecordExchangeAsync(Request(peer, msgId, note), Answer(peer, msgId), peer, msgId, reply, CancellationToken.None);
}
