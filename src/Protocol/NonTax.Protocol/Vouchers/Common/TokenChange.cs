using NonTax.Protocol.Fields;
using NonTax.Protocol.Results;
using NonTax.Protocol.Security;
using NonTax.Protocol.Vouchers.Schema;

namespace NonTax.Protocol.Vouchers.Common;

/// <summary>
/// 2003: a peer sets its communication token. The frame is MAC'd with the old token, the reply
/// with the new one. <see cref="NewToken"/> is the hex 3DES ciphertext (see <see cref="TokenCipher"/>).
/// </summary>
public sealed record TokenChange(string NewToken) : ITypedVoucher<TokenChange>
{
    /// <inheritdoc />
    public static VoucherSpec Spec { get; } = new([FieldSpec.M("NewToken", FieldType.String, TokenCipher.EncryptedLength, TokenCipher.EncryptedLength)]);

    /// <summary>The voucher announcing <paramref name="newToken"/>, encrypted under <paramref name="oldToken"/>.</summary>
    public static TokenChange Create(string newToken, string oldToken) => new(TokenCipher.Encrypt(newToken, oldToken));

    /// <summary>Decrypts the new token; false when it does not decrypt to a valid token under <paramref name="oldToken"/>.</summary>
    public bool TryDecrypt(string oldToken, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? newToken) =>
        TokenCipher.TryDecrypt(NewToken, oldToken, out newToken);

    /// <inheritdoc />
    public static ProtocolResult<TokenChange> Parse(Voucher voucher) => Spec.Read(
        voucher,
        r => new TokenChange(r.Text("NewToken")),
        t => t.NewToken.All(char.IsAsciiHexDigit) ? null : ProtocolError.InvalidField("NewToken", "not hex"));

    /// <inheritdoc />
    public Voucher ToVoucher() => new VoucherBuilder().Text("NewToken", NewToken.ToUpperInvariant()).Build();
}
