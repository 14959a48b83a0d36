using NonTax.EBills.Keys;

namespace NonTax.EBills.Tests;

public sealed class KeyStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ebill-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_sandbox_key_is_made_once_kept_private_and_read_back_by_the_next_process()
    {
        var options = new EBillKeyOptions { Directory = _directory, GenerateSandboxKeys = true };

        var first = new EBillKeyStore(options, TimeProvider.System).Unit("0104901");
        var again = new EBillKeyStore(options, TimeProvider.System).Unit("0104901");

        Assert.Equal(first.SerialNumber, again.SerialNumber);
        Assert.Equal(first.PrivateKey.D, again.PrivateKey.D);
        Assert.Contains("0104901", first.Certificate.SubjectDN.ToString(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFiles.KeyPath(_directory, "unit-0104901")));
        }

        Assert.NotNull(new CertificateDirectory(_directory).Find(first.SerialNumber, first.IssuerName));
    }

    [Fact]
    public void Two_stores_starting_together_end_with_one_key()
    {
        var options = new EBillKeyOptions { Directory = _directory, GenerateSandboxKeys = true };

        var keys = Enumerable.Range(0, 4).AsParallel().Select(_ => new EBillKeyStore(options, TimeProvider.System).Finance()).ToArray();

        Assert.Single(keys.Select(k => k.SerialNumber).Distinct());
        Assert.Equal(keys[0].SerialNumber, KeyFiles.Read(_directory, EBillKeyStore.FinanceKeyName).SerialNumber);
    }

    [Fact]
    public void Without_sandbox_generation_a_missing_key_is_a_clear_error()
    {
        var store = new EBillKeyStore(new EBillKeyOptions { Directory = _directory }, TimeProvider.System);

        var error = Assert.Throws<EBillKeyMissingException>(store.Finance);

        Assert.Contains("finance.key.pem", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public void A_unit_code_cannot_reach_outside_the_key_directory()
    {
        var store = new EBillKeyStore(new EBillKeyOptions { Directory = _directory, GenerateSandboxKeys = true }, TimeProvider.System);

        Assert.Throws<ArgumentException>(() => store.Unit("../finance"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
