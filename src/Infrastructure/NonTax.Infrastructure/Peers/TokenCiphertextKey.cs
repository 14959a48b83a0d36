namespace NonTax.Infrastructure.Peers;

/// <summary>Under which of the configured keys a stored token ciphertext decrypts.</summary>
public enum TokenCiphertextKey
{
    /// <summary><c>Security:TokenKey</c>: nothing to re-encrypt.</summary>
    Current,

    /// <summary><c>Security:PreviousTokenKey</c>: to be re-encrypted under the current key.</summary>
    Previous,

    /// <summary>Neither key: a wrong previous key, or a row from another installation.</summary>
    Neither,
}
