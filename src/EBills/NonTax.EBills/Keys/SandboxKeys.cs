using NonTax.EBills.Signing;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace NonTax.EBills.Keys;

/// <summary>
/// A fresh SM2 key pair (curve sm2p256v1) with a self-signed SM3withSM2 certificate: the sandbox
/// stands in for the certificates a real unit and finance bureau get from their CA.
/// </summary>
public static class SandboxKeys
{
    public static SigningKey Generate(string subject, DateTimeOffset now, TimeSpan validity)
    {
        var random = new SecureRandom();
        var curve = GMNamedCurves.GetByName("sm2p256v1");
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(new ECDomainParameters(curve), random));
        var pair = generator.GenerateKeyPair();

        var name = new X509Name(subject);
        var certificates = new Org.BouncyCastle.X509.X509V3CertificateGenerator();
        certificates.SetSerialNumber(new BigInteger(64, random).Add(BigInteger.One));
        certificates.SetIssuerDN(name);
        certificates.SetSubjectDN(name);
        certificates.SetNotBefore(now.UtcDateTime.AddMinutes(-5));
        certificates.SetNotAfter(now.UtcDateTime.Add(validity));
        certificates.SetPublicKey(pair.Public);
        var certificate = certificates.Generate(new Asn1SignatureFactory("SM3WITHSM2", pair.Private, random));
        return new SigningKey((ECPrivateKeyParameters)pair.Private, certificate);
    }
}
