using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints.Pages;

/// <summary>One customer's closed cases of one category: how often each remedy was given and for how much.</summary>
public sealed record RemedyLine(
    string Customer,
    int Cases,
    IReadOnlyDictionary<RemedyKind, int> Kinds,
    long? MinFen,
    long? MaxFen,
    long? AverageFen,
    double? Satisfaction
);

public sealed record RemedyCategory(ComplaintCategory Category, List<RemedyLine> Lines);

/// <summary>
/// 补救措施对比 (公平原则): the remedies of closed complaints, by category and customer side by side,
/// so that the same complaint handled differently for different customers shows at a glance.
/// </summary>
[Authorize(Policy = Policies.ManageComplaints)]
public sealed class ComplaintRemediesModel(AppDbContext db) : PageModel
{
    public List<RemedyCategory> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var closed = await db
            .Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatus.Closed)
            .GroupBy(c => new
            {
                c.Category,
                c.CustomerId,
                c.Remedy,
            })
            .Select(g => new
            {
                g.Key.Category,
                g.Key.CustomerId,
                g.Key.Remedy,
                Cases = g.Count(),
                Min = g.Min(c => c.RemedyAmountFen),
                Max = g.Max(c => c.RemedyAmountFen),
                Sum = g.Sum(c => c.RemedyAmountFen),
                Rated = g.Count(c => c.Satisfaction != null),
                Satisfaction = g.Sum(c => c.Satisfaction ?? 0),
            })
            .ToListAsync(ct);
        var ids = closed.Select(c => c.CustomerId).Distinct().ToList();
        var names = await db.Customers.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Name, ct);
        Categories =
        [
            .. closed
                .GroupBy(c => c.Category)
                .OrderBy(g => g.Key)
                .Select(g => new RemedyCategory(
                    g.Key,
                    [
                        .. g.GroupBy(x => x.CustomerId)
                            .Select(byCustomer =>
                            {
                                var paid = byCustomer.Where(x => Rules.FairnessRules.HasAmount(x.Remedy ?? RemedyKind.None)).ToList();
                                var paidCases = paid.Sum(x => x.Cases);
                                var rated = byCustomer.Sum(x => x.Rated);
                                return new RemedyLine(
                                    names.GetValueOrDefault(byCustomer.Key, "?"),
                                    byCustomer.Sum(x => x.Cases),
                                    byCustomer.GroupBy(x => x.Remedy ?? RemedyKind.None).ToDictionary(k => k.Key, k => k.Sum(x => x.Cases)),
                                    paidCases > 0 ? paid.Min(x => x.Min) : null,
                                    paidCases > 0 ? paid.Max(x => x.Max) : null,
                                    paidCases > 0 ? paid.Sum(x => x.Sum) / paidCases : null,
                                    rated > 0 ? Math.Round(byCustomer.Sum(x => x.Satisfaction) / (double)rated, 1) : null
                                );
                            })
                            .OrderBy(l => l.Customer, StringComparer.Ordinal),
                    ]
                )),
        ];
    }
}
