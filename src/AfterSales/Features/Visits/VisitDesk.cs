using AfterSales.Features.Documents;
using AfterSales.Features.WorkOrders;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Visits;

/// <summary>
/// The verbs of a visit as pages and API call them: loads what the entity needs, checks who may
/// act, lets the entity decide, saves. Only the assigned technician, a dispatcher or a manager
/// records a visit; a technician never sees another's work order (404).
/// </summary>
public sealed class VisitDesk(AppDbContext db, TimeProvider clock, CurrentUser me, AttachDocument attach, DocumentStore store)
{
    public const string SignatureCaption = "客户签名";

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Visit> CheckInAsync(long workOrderId, CheckInInput input, CancellationToken ct)
    {
        var w = await WorkOrderAsync(workOrderId, ct);
        var open = await db
            .Visits.Where(v => v.CheckOutAtUtc == null && (v.WorkOrderId == w.Id || v.TechnicianId == w.TechnicianId))
            .Select(v => new { v.WorkOrderId })
            .FirstOrDefaultAsync(ct);
        if (open is not null)
            throw open.WorkOrderId == w.Id
                ? new DomainException("该工单已有未签退的现场服务")
                : new DomainException("工程师还有未签退的现场服务，请先签退");
        var now = Now;
        var where = new Location(input.Location, input.Latitude, input.Longitude);
        var visit = Visit.CheckIn(w, input.OccurredAt?.UtcDateTime ?? now, where, me.AsActor(), now);
        db.Visits.Add(visit);
        await SaveAsync(ct);
        return visit;
    }

    public async Task<Visit> RecordWorkAsync(long visitId, WorkInput input, CancellationToken ct)
    {
        var (visit, w) = await LoadAsync(visitId, ct);
        var types = await db
            .ProductTypes.Where(t => input.Items.Select(i => i.ProductTypeId).Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var defaultChargeable = w.Charge == Charge.Chargeable;
        var items = input
            .Items.Select(
                (i, row) =>
                {
                    string? typeName = null;
                    if (i.ProductTypeId is { } tid && !types.TryGetValue(tid, out typeName))
                        throw DomainException.For($"Items[{row}]", "第{0}行：产品类型不存在", row + 1);
                    var part = typeName ?? i.Part ?? "";
                    return VisitItem.Create(i.ProductTypeId, part, i.Quantity, i.Chargeable ?? defaultChargeable, i.UnitPriceFen, row);
                }
            )
            .ToList();
        visit.RecordWork(input.WorkDone, input.FaultCause, input.FaultAnalysis, input.RepairSteps, items);
        await SaveAsync(ct);
        return visit;
    }

    public async Task<Visit> RestoreAsync(long visitId, RestoreInput input, CancellationToken ct)
    {
        var (visit, w) = await LoadAsync(visitId, ct);
        var now = Now;
        visit.Restore(w, input.OccurredAt?.UtcDateTime ?? now, input.Note, me.AsActor(), now);
        await SaveAsync(ct);
        return visit;
    }

    public async Task<Document> AddPhotoAsync(long visitId, PhotoMoment moment, string fileName, Stream content, CancellationToken ct)
    {
        var (visit, _) = await LoadAsync(visitId, ct);
        if (!visit.IsOpen)
            throw new DomainException("已签退，现场服务记录不能再修改");
        if (!Enum.IsDefined(moment))
            throw DomainException.For("Moment", "请选择维修前或维修后");
        var caption = moment == PhotoMoment.Before ? "维修前" : "维修后";
        return await attach.HandleAsync(
            new NewDocument(DocumentOwner.Visit, visit.Id, DocumentKind.RepairSitePhoto, null, caption),
            fileName,
            content,
            ct
        );
    }

    /// <summary>The signature pad posts a PNG data URL; it is stored as a PNG document after the usual content checks.</summary>
    public async Task<Visit> SignAsync(long visitId, SignatureInput input, CancellationToken ct)
    {
        var (visit, _) = await LoadAsync(visitId, ct);
        visit.CheckCanSign(input.SignerName);
        var png = DecodePng(input.Png);
        var document = await attach.HandleAsync(
            new NewDocument(DocumentOwner.Visit, visit.Id, DocumentKind.Other, null, SignatureCaption),
            "signature.png",
            new MemoryStream(png, writable: false),
            ct
        );
        visit.Sign(document.Id, input.SignerName!, Now);
        await SaveAsync(ct);
        return visit;
    }

    public async Task<Visit> CheckOutAsync(long visitId, CheckOutInput input, CancellationToken ct)
    {
        var (visit, _) = await LoadAsync(visitId, ct);
        var now = Now;
        visit.CheckOut(input.OccurredAt?.UtcDateTime ?? now, input.Rating, input.Comment, now);
        await SaveAsync(ct);
        return visit;
    }

    byte[] DecodePng(string? text)
    {
        const string Prefix = "data:image/png;base64,";
        var base64 = (text ?? "").Trim();
        if (base64.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            base64 = base64[Prefix.Length..];
        // Base64 is 4 characters per 3 bytes: refuse an oversized signature before decoding it.
        if (base64.Length / 4 * 3 > store.MaxBytes)
            throw store.TooLarge();
        var bytes = new byte[base64.Length / 4 * 3 + 3];
        if (base64.Length == 0 || !Convert.TryFromBase64String(base64, bytes, out var written))
            throw DomainException.For("Png", "签名图片无法读取，请重新签字");
        var png = bytes[..written];
        if (FileSignature.Detect(png, "signature.png") != FileSignature.Png)
            throw DomainException.For("Png", "签名必须是 PNG 图片");
        return png;
    }

    bool MaySupervise => me.IsInRole(Roles.Dispatcher) || me.IsInRole(Roles.Manager) || me.IsInRole(Roles.Admin);

    /// <summary>A work order the caller may record a visit on; others are not found.</summary>
    async Task<WorkOrder> WorkOrderAsync(long id, CancellationToken ct)
    {
        var w =
            await db
                .WorkOrders.VisibleTo(me)
                .Include(x => x.Clocks)
                .Include(x => x.Pauses)
                .Include(x => x.Events)
                .AsSplitQuery()
                .SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        if (w.TechnicianId != me.UserId && !MaySupervise)
            throw new DomainException("只有派单的工程师、调度或主管可以记录现场服务");
        return w;
    }

    async Task<(Visit, WorkOrder)> LoadAsync(long visitId, CancellationToken ct)
    {
        var visit = await db.Visits.Include(v => v.Items).SingleOrDefaultAsync(v => v.Id == visitId, ct) ?? throw new NotFoundException();
        var w = await WorkOrderAsync(visit.WorkOrderId, ct);
        if (visit.TechnicianId != me.UserId && !MaySupervise)
            throw new NotFoundException();
        return (visit, w);
    }

    async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("工单已被他人更新，请刷新后重试");
        }
    }
}
