namespace NonTax.EBills.Keys;

/// <summary>
/// Where e-bill signing keys live (configuration section <c>EBills:Keys</c>): never in the
/// repository. <see cref="Directory"/> holds <c>finance.key.pem</c>/<c>finance.cert.pem</c> and
/// <c>unit-{unitCode}.key.pem</c>/<c>.cert.pem</c>, plus any further trusted certificates
/// (<c>*.cert.pem</c>) the verifier accepts.
/// </summary>
public sealed class EBillKeyOptions
{
    public const string Section = "EBills:Keys";

    /// <summary>The key directory; required.</summary>
    public string Directory { get; set; } = "";

    /// <summary>
    /// Sandbox only: a key that is missing is generated (with a self-signed certificate) on first
    /// use and stored in <see cref="Directory"/>. Off in production, where a missing key is an error.
    /// </summary>
    public bool GenerateSandboxKeys { get; set; }

    /// <summary>Validity of a generated sandbox certificate, in days.</summary>
    public int SandboxCertificateDays { get; set; } = 3650;
}
