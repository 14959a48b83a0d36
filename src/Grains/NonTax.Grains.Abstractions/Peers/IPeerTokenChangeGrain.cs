namespace NonTax.Grains.Abstractions.Peers;

/// <summary>
/// A peer's token change under maker-checker (四眼原则), carried out in the silo: the silo alone
/// holds the token key and reads or writes the peers' token ciphertext, so the web app hands the
/// proposed token over and never sees a stored one. One user proposes; a second user approves
/// (the token takes effect, the old one stays valid for the proposal's grace period) or rejects.
/// Stateless: the proposals live in <c>nontax.peer_token_proposals</c> (deploy/sql/0810).
/// </summary>
[Alias("peers.IPeerTokenChangeGrain")]
public interface IPeerTokenChangeGrain : IGrainWithStringKey
{
    /// <summary>The one key callers use (the grain is a stateless worker).</summary>
    const string Key = "desk";

    /// <summary>Longest grace period staff may give the old token.</summary>
    static readonly TimeSpan MaxGrace = TimeSpan.FromDays(30);

    /// <summary>Records a proposed token (8–64 printable ASCII characters); nothing changes for the peer yet.</summary>
    [Alias("Propose")]
    Task<PeerTokenStep> Propose(string nodeCode, string token, TimeSpan grace, string proposedBy);

    /// <summary>Approves (the token takes effect now) or rejects another user's pending proposal.</summary>
    [Alias("Decide")]
    Task<PeerTokenStep> Decide(long proposalId, bool approve, string? note, string decidedBy);
}
