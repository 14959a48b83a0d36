using NonTax.Frontend.Hosting;
using NonTax.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and wwwroot sit next to the binaries, whatever directory the process starts in.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddNonTaxLogging("frontend");
builder.AddNonTaxFrontend();

var app = builder.Build();
app.MapNonTaxFrontend();
await app.RunAsync();
