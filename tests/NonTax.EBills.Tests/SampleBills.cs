using NonTax.EBills.Document;
using NonTax.EBills.Keys;
using NonTax.EBills.Signing;

namespace NonTax.EBills.Tests;

/// <summary>The sandbox's bill of 80.00 for 不动产登记费 and keys made once per test run (SM2 key generation is not free).</summary>
internal static class SampleBills
{
    public static readonly DateTimeOffset IssuedAt = new(2026, 12, 2, 10, 15, 30, TimeSpan.FromHours(8));

    public static readonly SigningKey UnitKey = SandboxKeys.Generate("C=CN,O=test,CN=unit 0104901", IssuedAt.AddDays(-1), TimeSpan.FromDays(30));

    public static readonly SigningKey FinanceKey = SandboxKeys.Generate("C=CN,O=test,CN=finance supervision", IssuedAt.AddDays(-1), TimeSpan.FromDays(30));

    public static readonly TrustedCertificates Trusted = new([UnitKey.Certificate, FinanceKey.Certificate]);

    public static EInvoiceContent Content(string number = "0000000123") => new()
    {
        Name = "江苏省非税收入通用票据",
        BillCode = "32010126",
        BillNumber = number,
        CheckCode = "a1b2c3",
        SpecimenCode = "3201012601",
        SupervisorAreaCode = "320682",
        TotalAmount = 80.00m,
        IssuedAt = IssuedAt,
        InvoicingParty = new InvoicingParty("0104901", "如皋市自然资源和规划局"),
        PayerParty = new PayerParty(PayerPartyType.Person, "张三", "320682199001011234"),
        HandlingPerson = "系统",
        Checker = "系统",
        PayCode = "32068226000000000014",
        Items = [new EInvoiceItem("103043211", "不动产登记费", 80.00m, "次", 1m, "80.00")],
    };

    public static SignedEInvoice Signed(EInvoiceContent? content = null) =>
        EInvoiceSigner.Issue(content ?? Content(), UnitKey, FinanceKey, IssuedAt);

    /// <summary>A certificate list as a verifier's trust store.</summary>
    internal sealed class TrustedCertificates(IReadOnlyList<Org.BouncyCastle.X509.X509Certificate> certificates) : ICertificateSource
    {
        public Org.BouncyCastle.X509.X509Certificate? Find(string serialNumber, string issuerName) =>
            certificates.FirstOrDefault(c => CertificateNames.Serial(c) == serialNumber && CertificateNames.Issuer(c) == issuerName);
    }
}
