using AfterSales.Features.Documents;
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

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>
/// 工单详情: header, clocks, one timeline, and the actions staff may take next. Customers see
/// their own work orders, technicians those assigned to them; any other id is a 404.
/// </summary>
[Authorize(Policy = Policies.ReadWorkOrders)]
public sealed class WorkOrderDetailModel(
    AppDbContext db,
    TimeProvider clock,
    CurrentUser me,
    ServiceCalendarProvider calendars,
    RecordEvent record,
    IAuthorizationService auth,
    UserManager<AppUser> users,
    AttachDocument attach,
    Satisfaction.SatisfactionSurveys surveys
) : PageModel, IReloadsOnError
{
    [BindProperty]
    public ActionInput Input { get; set; } = new();

    public long Id { get; private set; }
    public WorkOrderView View { get; private set; } = null!;
    public WorkOrder WorkOrder => View.WorkOrder;
    public bool IsStaff => me.IsStaff;
    public bool CanHandle { get; private set; }
    public bool CanManage { get; private set; }

    /// <summary>Those who handle the work order but do not edit master data (technicians, experts) get the photo form; editors the full document form.</summary>
    public bool CanAddPhotos => CanHandle && !me.CanEditMasterData;

    /// <summary>The photo form as posted, so a refused photo keeps what was typed.</summary>
    public PhotoInput Photo { get; private set; } = new();
    public List<AppUser> Technicians { get; private set; } = [];
    public IReadOnlyList<string> Actions => CanHandle ? WorkOrderActions.Available(WorkOrder) : [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        await ReloadAsync(ct);
        return View is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostEventAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (!await AllowedAsync(Policies.HandleWorkOrders))
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(ct);
        var zone = await db.WorkOrders.VisibleTo(me).Where(w => w.Id == id).Select(w => w.TimeZone).FirstOrDefaultAsync(ct);
        if (zone is null)
            return NotFound();
        DateTimeOffset? at = Input.OccurredAt is { } local
            ? new DateTimeOffset(LocalTime.ToUtc(local, zone, "OccurredAt"), TimeSpan.Zero)
            : null;
        await record.HandleAsync(
            id,
            new EventInput
            {
                Type = Input.Type,
                OccurredAt = at,
                Note = Input.Note,
                TechnicianId = string.IsNullOrWhiteSpace(Input.TechnicianId) ? null : Input.TechnicianId,
                Solved = Input.Solved,
                Version = Input.Version,
            },
            ct
        );
        TempData["Flash"] = record.SurveyLink is { } link
            ? Texts.T("已关闭工单，请将满意度回访链接发给客户：{0}", $"{Request.Scheme}://{Request.Host}{link}")
            : Texts.T("已记录：{0}", Texts.T(WorkOrderActions.Title(Input.Type)));
        return this.SeeOther($"/WorkOrders/{id}");
    }

    /// <summary>A manager changes who pays, with a written reason (recorded on the timeline).</summary>
    public async Task<IActionResult> OnPostOverrideAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (!await AllowedAsync(Policies.Manage))
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(ct);
        var w = await db.WorkOrders.VisibleTo(me).Include(x => x.Events).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (w is null)
            return NotFound();
        w.CheckVersion(Input.Version);
        if (Input.Charge is not { } charge)
            throw DomainException.For("Charge", "请改判为免费或收费");
        w.OverrideCoverage(charge, Input.Reason ?? "", me.AsActor(), clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("工单已被他人更新，请刷新后重试");
        }
        TempData["Flash"] = Texts.T("已改判为{0}", Texts.T(WorkOrderTitles.Of(charge)));
        return this.SeeOther($"/WorkOrders/{id}");
    }

    /// <summary>重新发送回访链接: staff issue a fresh survey link to copy; the old one stops working.</summary>
    public async Task<IActionResult> OnPostSurveyLinkAsync(long id, CancellationToken ct)
    {
        Id = id;
        if (!me.IsStaff || !await AllowedAsync(Policies.HandleWorkOrders))
            return Forbid();
        if (!await db.WorkOrders.VisibleTo(me).AnyAsync(w => w.Id == id, ct))
            return NotFound();
        var sent = await surveys.ResendAsync(Satisfaction.SurveySubject.WorkOrder, id, ct);
        TempData[Satisfaction.WorkOrderSatisfactionViewComponent.NewLinkKey] = $"{Request.Scheme}://{Request.Host}{sent.Link}";
        TempData["Flash"] = Texts.T("已重新生成满意度回访链接，旧链接已失效");
        return this.SeeOther($"/WorkOrders/{id}#satisfaction");
    }

    /// <summary>
    /// A site photo from the phone, through the same checks as every upload (type from the content,
    /// size limit, thumbnail). Another technician's work order is not found, as on every other way in.
    /// </summary>
    public async Task<IActionResult> OnPostPhotoAsync(long id, PhotoInput photo, CancellationToken ct)
    {
        (Id, Photo) = (id, photo);
        if (!await AllowedAsync(Policies.HandleWorkOrders))
            return Forbid();
        if (!ModelState.IsValid)
            return await InvalidAsync(ct);
        var file = photo.File ?? throw DomainException.For("File", "请选择照片");
        await using var content = file.OpenReadStream();
        var input = new NewDocument(DocumentOwner.WorkOrder, id, DocumentKind.RepairSitePhoto, null, photo.StoredCaption());
        await attach.HandleAsync(input, file.FileName, content, ct);
        TempData["Flash"] = Texts.T("已上传照片");
        return this.SeeOther($"/WorkOrders/{id}#documents");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        // A refused change may have left modified entities behind; show what is stored.
        db.ChangeTracker.Clear();
        View = (
            await WorkOrderView.LoadAsync(db, db.WorkOrders.VisibleTo(me), Id, clock.GetUtcNow().UtcDateTime, calendars, me.IsStaff, ct)
        )!;
        if (View is null)
            return;
        CanHandle = await AllowedAsync(Policies.HandleWorkOrders);
        CanManage = await AllowedAsync(Policies.Manage);
        if (CanHandle)
            Technicians = [.. (await users.GetUsersInRoleAsync(Roles.Technician)).OrderBy(u => u.DisplayName).ThenBy(u => u.UserName)];
    }

    async Task<IActionResult> InvalidAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        return View is null ? NotFound() : this.Invalid();
    }

    async Task<bool> AllowedAsync(string policy) => (await auth.AuthorizeAsync(User, policy)).Succeeded;
}
