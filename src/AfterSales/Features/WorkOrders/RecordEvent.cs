using System.ComponentModel.DataAnnotations;
using AfterSales.Features.Contracts;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders;

/// <summary>An event to record on a work order, as the API and the pages receive it.</summary>
public sealed record EventInput
{
    /// <summary>respond, remote-diagnosis, dispatch, reassign, arrive, pause, resume, restore, confirm, close, reopen, flag-major, expert-measures.</summary>
    [Required, StringLength(32), Display(Name = "事件类型")]
    public string Type { get; init; } = "";

    /// <summary>When it happened; defaults to now. May be earlier (logged later by a technician who was offline).</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    [StringLength(4000), Display(Name = "说明")]
    public string? Note { get; init; }

    [StringLength(64), Display(Name = "工程师")]
    public string? TechnicianId { get; init; }

    /// <summary>For remote-diagnosis: whether it solved the problem.</summary>
    public bool Solved { get; init; }

    /// <summary>The version the caller last saw; a stale one is refused with 409.</summary>
    [Display(Name = "版本")]
    public long Version { get; init; }
}

/// <summary>Applies one event to a work order: the verb on the entity decides; this loads what it needs and saves.</summary>
public sealed class RecordEvent(
    AppDbContext db,
    TimeProvider clock,
    ServiceCalendarProvider calendars,
    UserManager<AppUser> users,
    CurrentUser me,
    Satisfaction.SatisfactionSurveys surveys
)
{
    /// <summary>After a close: the customer's personal satisfaction link, to send (null when already rated).</summary>
    public string? SurveyLink { get; private set; }

    public static readonly string[] Types =
    [
        "respond",
        "remote-diagnosis",
        "dispatch",
        "reassign",
        "arrive",
        "pause",
        "resume",
        "restore",
        "confirm",
        "close",
        "reopen",
        "flag-major",
        "expert-measures",
    ];

    public async Task<WorkOrder> HandleAsync(long id, EventInput input, CancellationToken ct)
    {
        var w = await Load(id, ct) ?? throw new NotFoundException();
        w.CheckVersion(input.Version);
        var now = clock.GetUtcNow().UtcDateTime;
        var at = input.OccurredAt?.UtcDateTime ?? now;
        var by = me.AsActor();
        var calendar = await calendars.ForAsync(w, ct);
        var note = input.Note ?? "";
        var wasClosed = w.IsClosed;
        switch (input.Type)
        {
            case "respond":
                w.Respond(at, note, by, now);
                break;
            case "remote-diagnosis":
                w.RecordRemoteDiagnosis(at, input.Solved, note, by, now);
                break;
            case "dispatch":
                var (techId, techName) = await TechnicianAsync(input.TechnicianId);
                w.Dispatch(techId, techName, at, await TermsAsync(w, ct), calendar, by, now);
                break;
            case "reassign":
                var (newId, newName) = await TechnicianAsync(input.TechnicianId);
                w.Reassign(newId, newName, note, by, now);
                break;
            case "arrive":
                w.Arrive(at, by, now);
                break;
            case "pause":
                w.Pause(at, note, calendar, by, now);
                break;
            case "resume":
                w.Resume(at, calendar, by, now);
                break;
            case "restore":
                w.Restore(at, input.Note, by, now);
                break;
            case "confirm":
                w.Confirm(at, input.Note, by, now);
                break;
            case "close":
                w.Close(at, input.Note, by, now);
                // The invitation commits with the close: a closed work order always has its survey.
                SurveyLink = await surveys.StageAsync(Satisfaction.SurveySubject.WorkOrder, w.Id, w.CustomerId, ct);
                break;
            case "reopen":
                w.Reopen(at, note, by, now);
                break;
            case "flag-major":
                w.FlagMajor(at, await TermsAsync(w, ct), calendar, by, now);
                break;
            case "expert-measures":
                w.RecordExpertMeasures(at, note, by, now);
                break;
            default:
                throw DomainException.For("Type", "未知的事件类型“{0}”", input.Type);
        }
        // Closing takes the work order out of the board search index and reopening puts it back,
        // in the same transaction as the change itself.
        var reindex = w.IsClosed != wasClosed;
        await using var tx = reindex && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("工单已被他人更新，请刷新后重试");
        }
        if (reindex)
            await Board.Search.SearchIndex.For(db).SetAsync(w, ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return w;
    }

    internal Task<WorkOrder?> Load(long id, CancellationToken ct) =>
        db
            .WorkOrders.VisibleTo(me)
            .Include(x => x.Clocks)
            .Include(x => x.Pauses)
            .Include(x => x.Events)
            .Include(x => x.Assets)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct);

    async Task<ServiceTerms> TermsAsync(WorkOrder w, CancellationToken ct) =>
        w.ContractId is { } cid
            ? (await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == cid, ct)).Terms
            : ServiceTerms.TenderDefaults();

    async Task<(string Id, string Name)> TechnicianAsync(string? userId)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || !await users.IsInRoleAsync(user, Roles.Technician))
            throw DomainException.For("TechnicianId", "请选择一名维修工程师");
        return (user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName);
    }
}
