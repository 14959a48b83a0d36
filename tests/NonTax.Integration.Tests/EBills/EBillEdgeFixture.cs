using NonTax.Integration.Tests.Edge;

namespace NonTax.Integration.Tests.EBills;

/// <summary>The whole system over TCP, with e-bill keys generated into a temporary directory.</summary>
public sealed class EBillEdgeFixture : EdgeSystemFixture, IAsyncLifetime
{
    public string KeyDirectory { get; } = Directory.CreateTempSubdirectory("ebill-edge-keys-").FullName;

    protected override IReadOnlyDictionary<string, string?> ExtraSiloSettings => new Dictionary<string, string?>
    {
        ["EBills:Keys:Directory"] = KeyDirectory,
        ["EBills:Keys:GenerateSandboxKeys"] = "true",
    };

    protected override IReadOnlyDictionary<string, string?> ExtraEdgeSettings { get; } = new Dictionary<string, string?>
    {
        ["EBills:DownloadBaseUrl"] = "https://pay.example/ebills",
    };

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Directory.Delete(KeyDirectory, recursive: true);
    }
}
