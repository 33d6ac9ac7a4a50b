using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints.Pages;

public sealed record PenaltyCase(long Id, string Number, InternalPenalty Penalty, long PenaltyFen, string? Finding, DateTime ClosedAtUtc);

public sealed record StaffPenalties(string Staff, int Warnings, long FinesFen, List<PenaltyCase> Cases);

/// <summary>
/// 员工处罚: the internal penalties of closed complaints, per responsible staff member. For the
/// customer-service manager only: they are personnel matters (DESIGN §2 promise 15).
/// </summary>
[Authorize(Policy = Policies.ManageComplaints)]
public sealed class ComplaintPenaltiesModel(AppDbContext db) : PageModel
{
    public List<StaffPenalties> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var cases = await db
            .Complaints.AsNoTracking()
            .Where(c => c.Status == ComplaintStatus.Closed && c.ResponsibleStaff != null && c.Penalty != InternalPenalty.None)
            .Select(c => new
            {
                c.ResponsibleStaff,
                Case = new PenaltyCase(c.Id, c.Number, c.Penalty, c.PenaltyFen, c.Finding, c.ClosedAtUtc!.Value),
            })
            .ToListAsync(ct);
        People =
        [
            .. cases
                .GroupBy(c => c.ResponsibleStaff!)
                .Select(g => new StaffPenalties(
                    g.Key,
                    g.Count(x => x.Case.Penalty == InternalPenalty.Warning),
                    g.Sum(x => x.Case.PenaltyFen),
                    [.. g.Select(x => x.Case).OrderByDescending(x => x.ClosedAtUtc)]
                ))
                .OrderBy(p => p.Staff, StringComparer.Ordinal),
        ];
    }
}
