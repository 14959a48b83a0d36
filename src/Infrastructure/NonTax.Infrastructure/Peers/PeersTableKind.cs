using NonTax.Protocol.Nodes;

namespace NonTax.Infrastructure.Peers;

/// <summary>
/// How <c>peers.kind</c> stores a <see cref="NodeKind"/>. The column keeps the names its CHECK
/// constraint has allowed since the table was created (deploy/sql/0100_peers_and_messages.sql), so
/// rows written before the registry used <see cref="NodeKind"/> read unchanged and no migration is needed.
/// </summary>
public static class PeersTableKind
{
    /// <summary>The stored name; a finance node is never a peer, so it has none.</summary>
    public static string ToColumn(NodeKind kind) => kind switch
    {
        NodeKind.AgentBank => "agent_bank",
        NodeKind.ClearingBank => "clearing_bank",
        NodeKind.PublicPaymentPlatform => "payment_platform",
        NodeKind.UnitPlatform => "unit_platform",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only a bank, the public payment platform or a unit platform is a peer."),
    };

    public static NodeKind FromColumn(string name) => name switch
    {
        "agent_bank" => NodeKind.AgentBank,
        "clearing_bank" => NodeKind.ClearingBank,
        "payment_platform" => NodeKind.PublicPaymentPlatform,
        "unit_platform" => NodeKind.UnitPlatform,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown peer kind."),
    };
}
