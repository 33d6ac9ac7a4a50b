namespace AfterSales.Features.WorkOrders.Breaches;

/// <summary>
/// Runs breach detection every <c>WorkOrders:ScanSeconds</c> (30 by default) on the injected
/// clock. Off in the Testing environment unless <c>WorkOrders:BreachScan</c> is true: tests call
/// <see cref="BreachDetection.ScanOnceAsync"/> themselves at the instants they choose.
/// </summary>
internal sealed class BreachScanner(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<BreachScanner> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = config.GetValue("WorkOrders:ScanSeconds", 30);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, seconds)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<BreachDetection>().ScanOnceAsync(stoppingToken);
                if (outcome.Breached + outcome.DueSoon > 0)
                    log.LogInformation("Breach detection: {Breached} breached, {DueSoon} due soon", outcome.Breached, outcome.DueSoon);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass (database restarting…) is retried on the next tick; claims make retries safe.
                log.LogError(e, "Breach detection pass failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class BreachesSetup
{
    public static void AddBreachDetection(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BreachDetection>();
        builder.Services.AddScoped<IAlertSink, Board.AlertTableSink>();
        var enabled = builder.Configuration.GetValue<bool?>("WorkOrders:BreachScan") ?? !builder.Environment.IsEnvironment("Testing");
        if (enabled)
            builder.Services.AddHostedService<BreachScanner>();
    }
}
