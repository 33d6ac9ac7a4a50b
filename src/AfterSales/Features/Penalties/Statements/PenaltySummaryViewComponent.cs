using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties.Statements;

/// <summary>
/// The running penalty total and the latest entries, for the contract page (one contract) and the
/// archive card (each contract of the customer), with links to the statements. Usage:
/// <c>@await Component.InvokeAsync("PenaltySummary", new { contractId = 5L })</c> or <c>new { customerId = 3L }</c>.
/// Reads through the customer-scoped ledger, and shows nothing to a user who may not read it.
/// </summary>
public sealed class PenaltySummaryViewComponent(AppDbContext db, IAuthorizationService auth) : ViewComponent
{
    public const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync(long? contractId = null, long? customerId = null)
    {
        if (!(await auth.AuthorizeAsync(UserClaimsPrincipal, Policies.ReadPenalties)).Succeeded)
            return Content("");
        var entries = db.PenaltyEntries.AsNoTracking();
        entries = contractId is { } k ? entries.Where(e => e.ContractId == k) : entries.Where(e => e.CustomerId == customerId);
        var sums = await entries
            .GroupBy(e => e.ContractId)
            .Select(g => new
            {
                ContractId = g.Key,
                Count = g.Count(),
                Net = g.Sum(e => e.AmountFen),
            })
            .ToListAsync();
        var contractIds = contractId is { } only ? [only] : sums.Select(s => s.ContractId).ToList();
        var contracts = await db
            .Contracts.AsNoTracking()
            .Where(c => contractIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.Customer!.TimeZone,
            })
            .ToListAsync();
        var latest = await entries
            .OrderByDescending(e => e.RecordedAtUtc)
            .ThenByDescending(e => e.Id)
            .Take(Shown)
            .Select(e => new PenaltySummaryEntry(e.Id, e.ContractId, e.Sequence, e.Kind, e.Period, e.OccurredAtUtc, e.AmountFen))
            .ToListAsync();
        var rows = contracts
            .OrderBy(c => c.Number, StringComparer.Ordinal)
            .Select(c =>
            {
                var sum = sums.FirstOrDefault(s => s.ContractId == c.Id);
                return new PenaltySummaryContract(c.Id, c.Number, sum?.Count ?? 0, sum?.Net ?? 0);
            })
            .ToList();
        return View(
            "/Features/Penalties/Statements/Components/PenaltySummary/Default.cshtml",
            new PenaltySummaryView(contractId is not null, rows, latest, contracts.FirstOrDefault()?.TimeZone)
        );
    }
}

public sealed record PenaltySummaryContract(long Id, string Number, int Entries, long NetFen);

public sealed record PenaltySummaryEntry(
    long Id,
    long ContractId,
    long Sequence,
    PenaltyKind Kind,
    int? Period,
    DateTime OccurredAtUtc,
    long AmountFen
);

/// <param name="OneContract">On a contract page: no per-contract rows, one total.</param>
public sealed record PenaltySummaryView(
    bool OneContract,
    List<PenaltySummaryContract> Contracts,
    List<PenaltySummaryEntry> Latest,
    string? TimeZone
)
{
    public string Number(long contractId) => Contracts.FirstOrDefault(c => c.Id == contractId)?.Number ?? "";
}
