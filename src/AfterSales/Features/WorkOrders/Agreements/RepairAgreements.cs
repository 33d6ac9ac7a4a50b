using System.Security.Claims;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Agreements;

/// <summary>
/// The repair agreement of a work order, shared by the API and the page. Lookups go through
/// the work order's visibility (customers: their own; technicians: assigned), so any other id is 404.
/// </summary>
public sealed class RepairAgreements(AppDbContext db, TimeProvider clock, ServiceCalendarProvider calendars, CurrentUser me)
{
    public async Task<(WorkOrder WorkOrder, RepairAgreement? Agreement)> FindAsync(long workOrderId, CancellationToken ct)
    {
        var w =
            await db
                .WorkOrders.VisibleTo(me)
                .Include(x => x.Clocks)
                .Include(x => x.Pauses)
                .AsSplitQuery()
                .SingleOrDefaultAsync(x => x.Id == workOrderId, ct)
            ?? throw new NotFoundException();
        return (w, await db.Agreements.SingleOrDefaultAsync(a => a.WorkOrderId == workOrderId, ct));
    }

    /// <summary>Creates the agreement or revises its draft.</summary>
    public async Task<RepairAgreement> SaveDraftAsync(
        long workOrderId,
        IReadOnlyList<QuoteLine> lines,
        DateTime agreedUtc,
        CancellationToken ct
    )
    {
        var (w, agreement) = await FindAsync(workOrderId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (agreement is null)
            db.Agreements.Add(agreement = RepairAgreement.Draft(w, lines, agreedUtc, me.AsActor(), now));
        else
            agreement.Revise(w, lines, agreedUtc);
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    /// <summary>A customer user accepts now, in their own name; staff record an acceptance given earlier (by phone, on paper).</summary>
    public async Task<RepairAgreement> AcceptAsync(long workOrderId, string? name, DateTime? acceptedAtUtc, CancellationToken ct)
    {
        var (w, agreement) = await FindAsync(workOrderId, ct);
        if (agreement is null)
            throw new NotFoundException();
        var now = clock.GetUtcNow().UtcDateTime;
        var at = me.IsCustomer ? now : acceptedAtUtc ?? now;
        agreement.Accept(w, name ?? "", at, await calendars.ForAsync(w, ct), me.AsActor(), now);
        await SaveAsync(ct);
        return agreement;
    }

    public async Task<RepairAgreement> DeclineAsync(long workOrderId, string? name, string? reason, CancellationToken ct)
    {
        var (_, agreement) = await FindAsync(workOrderId, ct);
        if (agreement is null)
            throw new NotFoundException();
        agreement.Decline(name ?? "", reason, clock.GetUtcNow().UtcDateTime);
        await SaveAsync(ct);
        return agreement;
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

    /// <summary>The customer answers for itself; among staff only those who handle work orders record an answer.</summary>
    public static async Task<bool> MayAnswerAsync(IAuthorizationService auth, ClaimsPrincipal user, CurrentUser me) =>
        me.IsCustomer || (await auth.AuthorizeAsync(user, Policies.HandleWorkOrders)).Succeeded;

    /// <summary>Only staff who handle work orders write the quote; a customer user never does.</summary>
    public static async Task<bool> MayQuoteAsync(IAuthorizationService auth, ClaimsPrincipal user, CurrentUser me) =>
        !me.IsCustomer && (await auth.AuthorizeAsync(user, Policies.HandleWorkOrders)).Succeeded;
}
