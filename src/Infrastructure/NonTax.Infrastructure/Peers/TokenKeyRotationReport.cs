namespace NonTax.Infrastructure.Peers;

/// <summary>
/// What <see cref="TokenKeyRotation"/> did: counts of ciphertexts re-encrypted from the previous
/// key to the current one, and those already under the current key. Never a token.
/// </summary>
/// <param name="Unreadable">Rows whose ciphertext decrypts under neither key (e.g. "peers D3206820105 token_cipher");
/// when any, the rotation was refused and nothing changed.</param>
public sealed record TokenKeyRotationReport(
    int PeerTokensRotated,
    int PreviousPeerTokensRotated,
    int ProposedTokensRotated,
    int AlreadyCurrent,
    IReadOnlyList<string> Unreadable)
{
    public bool Refused => Unreadable.Count > 0;

    public int Rotated => PeerTokensRotated + PreviousPeerTokensRotated + ProposedTokensRotated;
}
