using System.Collections.Concurrent;
using NonTax.EBills.Signing;

namespace NonTax.EBills.Keys;

/// <summary>
/// The signing keys of the finance supervision and of each unit, read from
/// <see cref="EBillKeyOptions.Directory"/> once and kept. With sandbox generation on, a missing
/// key is made under a file lock, so two processes starting together end with one key, not two
/// halves of different ones.
/// </summary>
public sealed class EBillKeyStore : ICertificateSource
{
    /// <summary>The finance supervision key's file name.</summary>
    public const string FinanceKeyName = "finance";

    private readonly EBillKeyOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, SigningKey> _keys = new(StringComparer.Ordinal);

    public EBillKeyStore(EBillKeyOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _clock = clock;
    }

    public static string UnitKeyName(string unitCode) => "unit-" + unitCode;

    /// <summary>The finance supervision key (second signature).</summary>
    public SigningKey Finance() => Key(FinanceKeyName, "C=CN,O=NonTaxGrains sandbox,CN=finance supervision");

    /// <summary>A unit's key (first signature); its certificate's subject names the unit code.</summary>
    public SigningKey Unit(string unitCode)
    {
        if (unitCode.Length == 0 || !unitCode.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"unit code {unitCode}: letters and digits only", nameof(unitCode));
        }

        return Key(UnitKeyName(unitCode), $"C=CN,O=NonTaxGrains sandbox,CN=unit {unitCode}");
    }

    /// <inheritdoc />
    public Org.BouncyCastle.X509.X509Certificate? Find(string serialNumber, string issuerName) =>
        string.IsNullOrWhiteSpace(_options.Directory) ? null : new CertificateDirectory(_options.Directory).Find(serialNumber, issuerName);

    private SigningKey Key(string name, string sandboxSubject) =>
        _keys.GetOrAdd(name, n => Load(n, sandboxSubject));

    private SigningKey Load(string name, string sandboxSubject)
    {
        var directory = _options.Directory;
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new EBillKeyMissingException($"no e-bill key directory: set {EBillKeyOptions.Section}:Directory");
        }

        if (File.Exists(KeyFiles.KeyPath(directory, name)))
        {
            return KeyFiles.Read(directory, name);
        }

        if (!_options.GenerateSandboxKeys)
        {
            throw new EBillKeyMissingException(
                $"no e-bill signing key {KeyFiles.KeyPath(directory, name)} (configure {EBillKeyOptions.Section}:Directory, or GenerateSandboxKeys in the sandbox)");
        }

        Directory.CreateDirectory(directory);
        using var fileLock = Lock(Path.Combine(directory, name + ".lock"));
        if (File.Exists(KeyFiles.KeyPath(directory, name)))
        {
            return KeyFiles.Read(directory, name);
        }

        var key = SandboxKeys.Generate(sandboxSubject, _clock.GetUtcNow(), TimeSpan.FromDays(_options.SandboxCertificateDays));
        KeyFiles.Write(directory, name, key);
        return key;
    }

    private static FileStream Lock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(50);
            }
        }
    }
}
