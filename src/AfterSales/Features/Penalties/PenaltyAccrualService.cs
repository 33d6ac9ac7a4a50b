using AfterSales.Platform.Data;

namespace AfterSales.Features.Penalties;

/// <summary>
/// Runs penalty accrual every <c>Penalties:AccrualSeconds</c> (60 by default) on the injected clock,
/// on every instance (the accrual is safe to run on several at once). Off in the Testing
/// environment unless <c>Penalties:Accrual</c> is true: tests call <see cref="PenaltyAccrual.RunOnceAsync"/>
/// at the instants they choose.
/// </summary>
internal sealed class PenaltyAccrualService(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration config,
    ILogger<PenaltyAccrualService> log
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = config.GetValue("Penalties:AccrualSeconds", 60);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, seconds)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<PenaltyAccrual>().RunOnceAsync(stoppingToken);
                if (outcome.Entries > 0)
                    log.LogInformation("Penalty accrual: {Entries} entries from {Clocks} clocks", outcome.Entries, outcome.Clocks);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass (database restarting…) is retried on the next tick; accrual is idempotent.
                log.LogError(e, "Penalty accrual pass failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class PenaltiesSetup
{
    public static void AddPenalties(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped(sp => new PenaltyAccrual(sp.GetRequiredService<AppDbContext>(), sp.GetRequiredService<TimeProvider>())
        {
            CacheMiB = builder.Configuration.GetValue("Penalties:AccrualCacheMiB", PenaltyAccrual.DefaultCacheMiB),
            ReadAheadScopes = sp.GetRequiredService<IServiceScopeFactory>(),
        });
        builder.Services.AddScoped<PenaltyPosting>();
        builder.Services.AddScoped<PenaltyLedger>();
        builder.Services.AddScoped<ChainVerifier>();
        builder.Services.AddSingleton<VerifiedChains>();
        var enabled = builder.Configuration.GetValue<bool?>("Penalties:Accrual") ?? !builder.Environment.IsEnvironment("Testing");
        if (enabled)
            builder.Services.AddHostedService<PenaltyAccrualService>();
    }
}
