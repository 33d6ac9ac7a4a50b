using System.Net;
using AfterSales.Features.Contracts;
using AfterSales.Features.Penalties;
using AfterSales.Features.Penalties.Rules;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Tests.Features.WorkOrders;
using AfterSales.Tests.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Tests.Features.Penalties;

/// <summary>
/// Two customers with a ¥100,000.00 contract each (tender terms: 4 h response, 48 h restore, 1% per
/// miss and per late day), an agent and a manager; work orders opened and moved through the API
/// at the fake clock's instants, accrual run by hand.
/// </summary>
internal sealed class PenaltyWorld
{
    public const long Total = 10_000_000;
    public const long OnePercent = 100_000;

    public required AppFactory App { get; init; }
    public required WorkOrderWorld World { get; init; }

    /// <summary>A hotline system's API key: it never signs out, however far the fake clock runs.</summary>
    public required HttpClient Agent { get; init; }

    public DateTime Now => App.Clock.GetUtcNow().UtcDateTime;

    public static async Task<PenaltyWorld> ArrangeAsync(AppFactory app, ServiceTerms? terms = null) =>
        new()
        {
            App = app,
            World = await WorkOrderWorld.ArrangeAsync(app, terms),
            Agent = await app.ApiKeyClientAsync(Policies.ReadWorkOrders, Policies.HandleWorkOrders, Policies.ReadPenalties),
        };

    /// <summary>A manager signed in now (a session does not outlive days of fake time).</summary>
    public Task<HttpClient> ManagerAsync() => App.SignInAsync(Roles.Manager);

    /// <summary>A hotline request about the first customer's billboard (covered, under its contract), received now.</summary>
    public async Task<long> OpenAsync(long? assetId = null, long? customerId = null)
    {
        var r = await Agent.PostJsonAsync(
            "/api/v1/work-orders",
            new
            {
                customerId = customerId ?? World.CustomerId,
                assetIds = new[] { assetId ?? World.AssetId },
                channel = "Hotline",
                description = "广告牌灯不亮",
                cause = "Defect",
            }
        );
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadJsonAsync<WorkOrderOutput>()).Id;
    }

    /// <summary>Records an event now (or at <paramref name="occurredAt"/>, as a technician logging it later would).</summary>
    public async Task EventAsync(long id, string type, DateTime? occurredAt = null, string note = "已处理")
    {
        var w = await (await Agent.GetAsync($"/api/v1/work-orders/{id}")).ReadJsonAsync<WorkOrderOutput>();
        var r = await Agent.PostJsonAsync(
            $"/api/v1/work-orders/{id}/events",
            new
            {
                type,
                note,
                occurredAt = occurredAt is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : (DateTimeOffset?)null,
                version = w.Version,
            }
        );
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
    }

    public async Task<PenaltyAccrual.Outcome> AccrueAsync()
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PenaltyAccrual>().RunOnceAsync(CancellationToken.None);
    }

    public Task<List<PenaltyEntry>> EntriesAsync(long? workOrderId = null) =>
        App.DbAsync(db =>
            db.PenaltyEntries.AsNoTracking()
                .Include(e => e.Documents)
                .Where(e => workOrderId == null || e.WorkOrderId == workOrderId)
                .OrderBy(e => e.ContractId)
                .ThenBy(e => e.Sequence)
                .ToListAsync()
        );

    public Task<ChainCheck?> ChainAsync(long? contractId = null) =>
        App.DbAsync(db => new PenaltyLedger(db).CheckChainAsync(contractId ?? World.ContractId, CancellationToken.None));

    /// <summary>The ledger as a reader compares it: what was charged for which work order and period, at how much.</summary>
    public static IEnumerable<string> Summary(IEnumerable<PenaltyEntry> entries) =>
        entries.Select(e => $"{e.WorkOrderId}:{e.Kind}:{e.Period}:{e.AmountFen}:{e.OccurredAtUtc:O}").Order(StringComparer.Ordinal);
}
