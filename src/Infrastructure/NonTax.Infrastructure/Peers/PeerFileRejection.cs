namespace NonTax.Infrastructure.Peers;

/// <summary>
/// A row of a peers file that was not taken: its position (1-based), the node code where the row
/// had one, and why. Never carries the token.
/// </summary>
public sealed record PeerFileRejection(int Row, string? NodeCode, string Reason)
{
    public override string ToString() => $"row {Row} ({NodeCode ?? "no node code"}): {Reason}";
}
