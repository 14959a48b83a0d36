using NonTax.Infrastructure.Hosting;
using NonTax.Silo.Commands;
using NonTax.Silo.Hosting;

if (args.FirstOrDefault() == MachineTokenCommand.Verb)
{
    return await MachineTokenCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

var migrateOnly = args.FirstOrDefault() == "migrate";
var rotateTokenKey = args.FirstOrDefault() == RotateTokenKeyCommand.Name;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = migrateOnly || rotateTokenKey ? args[1..] : args,
    // appsettings.json sits next to the binaries, whatever directory the process starts in.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddNonTaxLogging("silo");
if (rotateTokenKey)
{
    // A one-off command: it needs the configuration only, not a silo.
    return await RotateTokenKeyCommand.RunAsync(builder.Configuration, Console.Out, CancellationToken.None);
}

builder.AddNonTaxSilo();
var app = builder.Build();

if (migrateOnly)
{
    return await MigrateCommand.RunAsync(app.Services, app.Configuration, CancellationToken.None);
}

await app.MigrateIfConfiguredAsync();
app.MapNonTaxSiloEndpoints();
await app.RunAsync();
return 0;
