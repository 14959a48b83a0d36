using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace NonTax.EBills.Signing;

/// <summary>
/// SM2 signatures with SM3 digests (GM/T 0003, GM/T 0004) through BouncyCastle: the digest is
/// SM3(Z ‖ M) with Z over the default signer ID <c>1234567812345678</c> (GM/T 0009), and the
/// value is DER (SEQUENCE of r, s) — what other SM2 implementations, OpenSSL among them, expect.
/// </summary>
public static class Sm2
{
    /// <summary>The SignatureAlgorithm name a bill carries.</summary>
    public const string AlgorithmName = "SM2";

    public static byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> data)
    {
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(true, new ParametersWithRandom(key, new SecureRandom()));
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    public static bool Verify(ECPublicKeyParameters key, ReadOnlySpan<byte> data, byte[] signature)
    {
        var signer = new SM2Signer(new SM3Digest());
        signer.Init(false, key);
        signer.BlockUpdate(data);
        try
        {
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or Org.BouncyCastle.Asn1.Asn1Exception)
        {
            return false;
        }
    }

    /// <summary>SM3 of the data (32 bytes).</summary>
    public static byte[] Digest(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result);
        return result;
    }
}
