namespace NonTax.Infrastructure.Peers;

/// <summary>Maps <see cref="PeerKind"/> to the names stored in the peers table and back.</summary>
public static class PeerKindNames
{
    public static string ToDatabase(PeerKind kind) => kind switch
    {
        PeerKind.AgentBank => "agent_bank",
        PeerKind.ClearingBank => "clearing_bank",
        PeerKind.PaymentPlatform => "payment_platform",
        PeerKind.UnitPlatform => "unit_platform",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static PeerKind FromDatabase(string name) => name switch
    {
        "agent_bank" => PeerKind.AgentBank,
        "clearing_bank" => PeerKind.ClearingBank,
        "payment_platform" => PeerKind.PaymentPlatform,
        "unit_platform" => PeerKind.UnitPlatform,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown peer kind."),
    };

    /// <summary>The kind a node code's first letter implies, or null for a code no peer can have.</summary>
    public static PeerKind? FromNodeCode(string nodeCode) => nodeCode.Length == 0 ? null : nodeCode[0] switch
    {
        'D' => PeerKind.AgentBank,
        'Q' => PeerKind.ClearingBank,
        'G' => PeerKind.PaymentPlatform,
        'K' => PeerKind.UnitPlatform,
        _ => null,
    };
}
