namespace AfterSales.Features.Inspections;

/// <summary>
/// Plans rounds ahead, marks missed ones, records hazards fixed by their work orders and opens the
/// preventive work orders a completion could not open, every
/// <c>Inspections:ScanMinutes</c> (60 by default) on the injected clock. Off in the Testing
/// environment unless <c>Inspections:Planning</c> is true: tests call the passes themselves.
/// </summary>
internal sealed class InspectionScheduler(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration config,
    ILogger<InspectionScheduler> log
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Inspections:ScanMinutes", 60);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, minutes)), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var planning = scope.ServiceProvider.GetRequiredService<InspectionPlanning>();
                var planned = await planning.PlanAheadAsync(stoppingToken);
                var missed = await planning.DetectMissedAsync(stoppingToken);
                var fixedHazards = await planning.RecordFixedHazardsAsync(stoppingToken);
                var opened = await scope.ServiceProvider.GetRequiredService<HazardWorkOrders>().OpenPendingAsync(stoppingToken);
                if (planned + missed + fixedHazards + opened > 0)
                    log.LogInformation(
                        "Inspections: {Planned} planned, {Missed} missed, {Fixed} hazards fixed, {Opened} preventive work orders opened late",
                        planned,
                        missed,
                        fixedHazards,
                        opened
                    );
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Retried on the next tick; the unique index keeps a retried plan from doubling rounds.
                log.LogError(e, "Inspection planning pass failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class InspectionsSetup
{
    public static void AddInspections(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<InspectionPlanning>();
        builder.Services.AddScoped<RoundDesk>();
        builder.Services.AddScoped<HazardWorkOrders>();
        builder.Services.AddScoped<InspectionReport>();
        builder.Services.AddScoped<ContractWindows>();
        var enabled = builder.Configuration.GetValue<bool?>("Inspections:Planning") ?? !builder.Environment.IsEnvironment("Testing");
        if (enabled)
            builder.Services.AddHostedService<InspectionScheduler>();
    }

    /// <summary>The API under /api/v1 and the inspection report download.</summary>
    public static void MapInspections(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapInspectionsApi();
        api.MapInspectionWindowsApi();
        app.MapGet("/Inspections/{id:long}/report.pdf", InspectionReportEndpoint.GetAsync)
            .RequireAuthorization(Platform.Auth.Policies.ReadWorkOrders)
            .ExcludeFromDescription();
    }
}
