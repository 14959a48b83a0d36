namespace NonTax.Grains.Abstractions;

/// <summary>
/// Seeds the sandbox bureau (finance node F320682 and its units, items, accounts and peers) when a
/// host runs with <c>Sandbox:Seed=true</c>. Must be idempotent: it only adds what is absent, so a
/// restart never undoes a change staff made at run time.
/// </summary>
public interface ISandboxSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
