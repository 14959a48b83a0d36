using NonTax.Frontend.Hosting;
using NonTax.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json sits next to the binaries, whatever directory the process starts in.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddNonTaxLogging("frontend");
builder.AddNonTaxFrontend();

var app = builder.Build();
app.MapNonTaxHealth();
app.MapGet("/", () => "NonTaxGrains frontend");
await app.RunAsync();
