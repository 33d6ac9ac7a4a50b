using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders.Board;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// One round: the dispatcher schedules it; the technician works it on a phone (check in, asset by
/// asset through the checklist with photos, the customer's signature, check out); staff record
/// what became of each proposal; everyone who may see it gets the report. Each step is a small form.
/// </summary>
[Authorize(Policy = Policies.ReadWorkOrders)]
public sealed class RoundModel(AppDbContext db, CurrentUser me, RoundDesk desk, UserManager<AppUser> users, IAuthorizationService auth)
    : PageModel,
        IReloadsOnError
{
    public sealed record AssetView(long Id, string Type, string Location, List<ChecklistItem> Items);

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public InspectionRound Round { get; private set; } = null!;
    public string Customer { get; private set; } = "";
    public string TimeZone { get; private set; } = "";
    public string Site { get; private set; } = "";
    public List<AssetView> Assets { get; private set; } = [];
    public ILookup<long, Document> Photos { get; private set; } = Enumerable.Empty<Document>().ToLookup(d => d.OwnerId);
    public Dictionary<long, string> WorkOrderNumbers { get; private set; } = [];
    public List<DispatchDesk.Technician> Technicians { get; private set; } = [];

    public bool MaySupervise => me.IsInRole(Roles.Dispatcher) || me.IsInRole(Roles.Manager) || me.IsInRole(Roles.Admin);
    public bool MayWork => Round.TechnicianId == me.UserId || MaySupervise;

    /// <summary>
    /// What became of a proposal is the desk's record (the dispatcher or manager hears it from the
    /// customer or sees the work done), not the technician's: after check-out the technician's
    /// screen is read-only.
    /// </summary>
    public bool MayDecide => RoundDesk.MayRecordOutcome(me);

    public InspectionFinding? FindingOf(long assetId, long itemId) =>
        Round.Findings.FirstOrDefault(f => f.AssetId == assetId && f.ChecklistItemId == itemId);

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public Task<IActionResult> OnPostScheduleAsync(ScheduleInput schedule, CancellationToken ct) =>
        Run(() => desk.ScheduleAsync(Id, schedule, ct), "已排期", ct);

    public Task<IActionResult> OnPostCheckInAsync(RoundCheckInInput checkIn, CancellationToken ct) =>
        Run(() => desk.CheckInAsync(Id, checkIn, ct), "已签到", ct);

    public Task<IActionResult> OnPostFindingAsync(FindingInput finding, CancellationToken ct) =>
        Run(() => desk.RecordAsync(Id, finding, ct), "已保存检查结果", ct, $"asset-{finding.AssetId}");

    public async Task<IActionResult> OnPostPhotoAsync(long findingId, IFormFile? photo, CancellationToken ct)
    {
        if (photo is null)
            throw DomainException.For("Photo", "请选择照片");
        await using var content = photo.OpenReadStream();
        return await Run(() => desk.AddPhotoAsync(findingId, photo.FileName, content, ct), "已上传照片", ct);
    }

    public Task<IActionResult> OnPostSignAsync(RoundSignatureInput sign, CancellationToken ct) =>
        Run(() => desk.SignAsync(Id, sign, ct), "客户已签字", ct);

    public Task<IActionResult> OnPostCompleteAsync(CompleteInput complete, CancellationToken ct) =>
        Run(() => desk.CompleteAsync(Id, complete, ct), "巡检已完成", ct);

    public Task<IActionResult> OnPostDecideAsync(long findingId, FindingOutcomeInput decide, CancellationToken ct) =>
        Run(() => desk.DecideAsync(findingId, decide, ct), "已记录处理结果", ct);

    /// <summary>Input errors re-show the page (422); the verb's own refusals do the same through the page filter.</summary>
    async Task<IActionResult> Run<T>(Func<Task<T>> verb, string done, CancellationToken ct, string? anchor = null)
    {
        // The page is readable by customers and auditors; recording needs the work-order write policy.
        if (!(await auth.AuthorizeAsync(User, Policies.HandleWorkOrders)).Succeeded)
            return Forbid();
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        await verb();
        TempData["Flash"] = Texts.T(done);
        return this.SeeOther($"/Inspections/{Id}" + (anchor is null ? "" : "#" + anchor));
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Round =
            await InspectionVisibility
                .Rounds(db, me)
                .AsNoTracking()
                .Include(r => r.Assets)
                .Include(r => r.Findings)
                .AsSplitQuery()
                .SingleOrDefaultAsync(r => r.Id == Id, ct)
            ?? throw new NotFoundException();
        var customer = await db.Customers.Where(c => c.Id == Round.CustomerId).Select(c => new { c.Name, c.TimeZone }).SingleAsync(ct);
        (Customer, TimeZone) = (customer.Name, customer.TimeZone);
        Site = await db.Sites.Where(s => s.Id == Round.SiteId).Select(s => s.Name + " · " + s.Address).SingleAsync(ct);
        var assetIds = Round.Assets.Select(a => a.AssetId).ToList();
        var assets = await db
            .Assets.Where(a => assetIds.Contains(a.Id))
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.ProductTypeId,
                a.ProductType!.Name,
                a.Location,
            })
            .ToListAsync(ct);
        var typeIds = assets.Select(a => a.ProductTypeId).Distinct().ToList();
        // The round's own checklist (kept at check-in) is shown even where an admin retired an item since.
        var kept = Round.Assets.SelectMany(a => a.Checklist).Distinct().ToList();
        var items = await db
            .ChecklistItems.AsNoTracking()
            .Where(i => typeIds.Contains(i.ProductTypeId) && (i.Active || kept.Contains(i.Id)))
            .OrderBy(i => i.SortOrder)
            .ToListAsync(ct);
        Assets =
        [
            .. assets.Select(a => new AssetView(a.Id, a.Name, a.Location, [.. items.Where(i => i.ProductTypeId == a.ProductTypeId)])),
        ];
        var findingIds = Round.Findings.Select(f => f.Id).ToList();
        Photos = (
            await db
                .Documents.AsNoTracking()
                .Where(d => d.OwnerType == DocumentOwner.InspectionFinding && findingIds.Contains(d.OwnerId))
                .OrderBy(d => d.Id)
                .ToListAsync(ct)
        ).ToLookup(d => d.OwnerId);
        var workOrderIds = Round.Findings.Where(f => f.WorkOrderId != null).Select(f => f.WorkOrderId!.Value).ToList();
        WorkOrderNumbers = await db.WorkOrders.Where(w => workOrderIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Number, ct);
        if (MaySupervise && Round.Status is RoundStatus.Planned or RoundStatus.Scheduled)
            Technicians = await DispatchDesk.TechniciansAsync(users);
    }
}
