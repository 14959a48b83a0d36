using NonTax.Infrastructure.Hosting;
using NonTax.SocketEdge.Hosting;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json sits next to the binaries, whatever directory the process starts in.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddNonTaxLogging("edge");
builder.AddNonTaxSocketEdge();

var app = builder.Build();
app.MapNonTaxHealth();
await app.RunAsync();
