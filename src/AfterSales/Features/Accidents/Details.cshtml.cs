using AfterSales.Features.Assets;
using AfterSales.Features.Contracts;
using AfterSales.Features.Documents;
using AfterSales.Features.Inspections;
using AfterSales.Features.Penalties;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Accidents;

/// <summary>
/// One accident: what happened, the decision and why, with the round and findings it rests on and
/// the ledger entries it was charged with. A customer reaches only its own (another's is a 404).
/// </summary>
[Authorize(Policy = Policies.ReadMasterData)]
public sealed class DetailsModel(AppDbContext db, PenaltyLedger ledger, IAuthorizationService auth, CurrentUser me) : PageModel
{
    public Accident Accident { get; private set; } = null!;
    public Asset Asset { get; private set; } = null!;
    public Contract Contract { get; private set; } = null!;
    public string TimeZone { get; private set; } = "";
    public InspectionRound? Round { get; private set; }
    public List<InspectionFinding> OpenFindings { get; private set; } = [];
    public List<Document> Documents { get; private set; } = [];
    public List<PenaltyLine> Entries { get; private set; } = [];
    public bool CanReadPenalties { get; private set; }

    /// <summary>The rounds named here that this user may open (a technician only their own, a customer only its own).</summary>
    public HashSet<long> OpenableRounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var accident = await db.Accidents.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (accident is null)
            return NotFound();
        Accident = accident;
        Asset = await db
            .Assets.AsNoTracking()
            .Include(a => a.ProductType)
            .Include(a => a.Site)
            .FirstAsync(a => a.Id == accident.AssetId, ct);
        Contract = await db.Contracts.AsNoTracking().Include(c => c.Customer).FirstAsync(c => c.Id == accident.ContractId, ct);
        TimeZone = Contract.Customer!.TimeZone;
        if (accident.RoundId is { } roundId)
            Round = await db.InspectionRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        var findingIds = accident.OpenFindingIdList;
        if (findingIds.Count > 0)
        {
            var found = await db.InspectionFindings.AsNoTracking().Where(f => findingIds.Contains(f.Id)).ToListAsync(ct);
            OpenFindings = [.. findingIds.Select(fid => found.FirstOrDefault(f => f.Id == fid)).OfType<InspectionFinding>()];
        }
        var roundIds = OpenFindings.Select(f => f.RoundId).Append(Round?.Id ?? 0).Where(r => r != 0).Distinct().ToList();
        if (roundIds.Count > 0 && (await auth.AuthorizeAsync(User, Policies.ReadWorkOrders)).Succeeded)
            OpenableRounds =
            [
                .. await InspectionVisibility.Rounds(db, me).Where(r => roundIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct),
            ];
        var documentIds = accident.DocumentIdList;
        Documents = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync(ct);
        CanReadPenalties = (await auth.AuthorizeAsync(User, Policies.ReadPenalties)).Succeeded;
        if (CanReadPenalties)
            Entries = await ledger.ForAccidentAsync(id, ct);
        return Page();
    }
}
