namespace NonTax.Grains.Hosting;

/// <summary>Where the sandbox bureau's base data file is (deploy/local/sandbox-bureau.json).</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public bool Seed { get; set; }
    public string BaseDataFile { get; set; } = "deploy/local/sandbox-bureau.json";
    public string OperatorName { get; set; } = "sandbox-seeder";
}
