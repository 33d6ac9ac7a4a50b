using AfterSales.Features;
using AfterSales.Platform;
using AfterSales.Platform.Cli;
using AfterSales.Platform.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddData();
builder.AddPlatform();
builder.AddFeatures();

var app = builder.Build();
await app.Services.MigrateAsync();
await Seeding.RunAsync(app.Services, app.Configuration);
if (await Commands.TryRunAsync(app.Services, args))
    return;

app.UsePlatform();
app.MapFeatures();
await app.RunAsync();
