using NonTax.Infrastructure.Hosting;
using NonTax.SocketEdge.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddNonTaxLogging("edge");
builder.AddNonTaxSocketEdge();

var app = builder.Build();
app.MapNonTaxHealth();
await app.RunAsync();
