using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NonTax.Grains.Abstractions;
using NonTax.Grains.Hosting;

namespace NonTax.Grains.BaseData;

/// <summary>Seeds the sandbox bureau from <see cref="SandboxOptions.BaseDataFile"/>, adding only what is absent.</summary>
public sealed class SandboxBureauSeeder(
    IGrainFactory grains,
    IOptions<SandboxOptions> options,
    ILogger<SandboxBureauSeeder> logger) : ISandboxSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.BaseDataFile;
        var document = await BaseDataJson.ReadFileAsync(path, cancellationToken);
        var report = await new BaseDataImport(grains, options.Value.OperatorName, onlyAbsent: true).ApplyAsync(document);
        foreach (var row in report.Rows.Where(r => r.Outcome == "refused"))
        {
            logger.LogError("Sandbox seed refused {Entity} {Key}: {Code} {Message}", row.Entity, row.Key, row.ResultCode, row.Message);
        }

        logger.LogInformation("Sandbox seed from {Path}: {Applied} applied, {Skipped} already present, {Refused} refused",
            path, report.Rows.Count(r => r.Outcome == "applied"), report.Rows.Count(r => r.Outcome == "skipped"), report.Refused);
    }
}
