using NonTax.Frontend.Hosting;
using NonTax.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddNonTaxLogging("frontend");
builder.AddNonTaxFrontend();

var app = builder.Build();
app.MapNonTaxHealth();
app.MapGet("/", () => "NonTaxGrains frontend");
await app.RunAsync();
