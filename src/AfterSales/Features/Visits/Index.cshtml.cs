using AfterSales.Features.Catalog;
using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Visits;

/// <summary>
/// 现场服务 on the technician's phone: check in, record the work, photos, 恢复运行, the customer's
/// signature and rating, check out. Each step is its own small form; a refusal shows above the
/// forms with what was typed kept.
/// </summary>
[Authorize(Policy = Policies.HandleWorkOrders)]
public sealed class IndexModel(AppDbContext db, CurrentUser me, VisitDesk desk) : PageModel, IReloadsOnError
{
    public WorkOrder WorkOrder { get; private set; } = null!;
    public string Customer { get; private set; } = "";
    public string Address { get; private set; } = "";
    public Visit? Current { get; private set; }
    public Visit? Last { get; private set; }
    public List<Document> Photos { get; private set; } = [];
    public List<ProductType> ProductTypes { get; private set; } = [];

    public WorkForm Work { get; private set; } = new();

    /// <summary>A posted work form is shown again as typed; otherwise the form shows what is saved.</summary>
    bool _workPosted;

    [BindProperty(SupportsGet = true)]
    public long WorkOrderId { get; set; }

    public bool Chargeable => WorkOrder.Charge == Charge.Chargeable;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
    }

    public Task<IActionResult> OnPostCheckInAsync(CheckInInput checkIn, CancellationToken ct) =>
        Run(() => desk.CheckInAsync(WorkOrderId, checkIn, ct), "已签到", ct);

    public async Task<IActionResult> OnPostWorkAsync(long visitId, WorkForm work, CancellationToken ct)
    {
        (Work, _workPosted) = (work, true);
        await ReloadAsync(ct);
        return await Run(() => desk.RecordWorkAsync(visitId, work.ToInput(Chargeable), ct), "已保存工作记录", ct);
    }

    /// <summary>One more blank row for a part; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddRowAsync(WorkForm work, CancellationToken ct)
    {
        ModelState.Clear();
        (Work, _workPosted) = (work, true);
        Work.Items.Add(new ItemForm());
        await ReloadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPhotoAsync(long visitId, PhotoMoment moment, IFormFile? photo, CancellationToken ct)
    {
        if (photo is null)
            throw DomainException.For("Photo", "请选择照片");
        await using var content = photo.OpenReadStream();
        return await Run(() => desk.AddPhotoAsync(visitId, moment, photo.FileName, content, ct), "已上传照片", ct);
    }

    public Task<IActionResult> OnPostRestoreAsync(long visitId, RestoreInput restore, CancellationToken ct) =>
        Run(() => desk.RestoreAsync(visitId, restore, ct), "已恢复运行", ct);

    public Task<IActionResult> OnPostSignAsync(long visitId, SignatureInput sign, CancellationToken ct) =>
        Run(() => desk.SignAsync(visitId, sign, ct), "客户已签字", ct);

    public Task<IActionResult> OnPostCheckOutAsync(long visitId, CheckOutInput checkOut, CancellationToken ct) =>
        Run(() => desk.CheckOutAsync(visitId, checkOut, ct), "已签退", ct);

    /// <summary>Input errors re-show the page (422); the verb's own refusals do the same through the page filter.</summary>
    async Task<IActionResult> Run<T>(Func<Task<T>> verb, string done, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        await verb();
        TempData["Flash"] = Texts.T(done);
        return this.SeeOther($"/Visits/{WorkOrderId}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        // Only the work form is kept from the post: the other forms are short and show the saved state.
        WorkOrder =
            await db.WorkOrders.VisibleTo(me).AsNoTracking().Include(w => w.Assets).SingleOrDefaultAsync(w => w.Id == WorkOrderId, ct)
            ?? throw new NotFoundException();
        Customer = await db.Customers.Where(c => c.Id == WorkOrder.CustomerId).Select(c => c.Name).SingleAsync(ct);
        var assetIds = WorkOrder.Assets.Select(a => a.AssetId).ToList();
        Address = string.Join(
            "；",
            await db.Assets.Where(a => assetIds.Contains(a.Id)).Select(a => a.Site!.Name + " " + a.Site.Address).Distinct().ToListAsync(ct)
        );
        var visits = await db
            .Visits.AsNoTracking()
            .Include(v => v.Items)
            .Where(v => v.WorkOrderId == WorkOrder.Id)
            .OrderBy(v => v.Id)
            .ToListAsync(ct);
        Current = visits.FirstOrDefault(v => v.IsOpen);
        Last = visits.LastOrDefault();
        var shown = Current ?? Last;
        Photos = shown is null
            ? []
            : await db
                .Documents.AsNoTracking()
                .Where(d => d.OwnerType == DocumentOwner.Visit && d.OwnerId == shown.Id && d.Kind == DocumentKind.RepairSitePhoto)
                .OrderBy(d => d.Id)
                .ToListAsync(ct);
        ProductTypes = await db.ProductTypes.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ToListAsync(ct);
        if (!_workPosted && Current is not null)
            Work = WorkForm.From(Current);
        if (Work.Items.Count == 0)
            Work.Items.Add(new ItemForm());
    }
}
