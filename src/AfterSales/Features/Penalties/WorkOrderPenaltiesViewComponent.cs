using AfterSales.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AfterSales.Features.Penalties;

/// <summary>
/// The penalty entries of one work order (违约金) on its detail page, with the manager's links to
/// record a loss and to waive an entry. Statements per contract and period are elsewhere.
/// Usage: <c>@await Component.InvokeAsync("WorkOrderPenalties", new { workOrderId = 7L, timeZone = "Asia/Shanghai" })</c>
/// </summary>
public sealed class WorkOrderPenaltiesViewComponent(PenaltyLedger ledger, IAuthorizationService auth) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long workOrderId, string? timeZone)
    {
        var canManage = (await auth.AuthorizeAsync(UserClaimsPrincipal, Policies.ManagePenalties)).Succeeded;
        var lines = await ledger.ForWorkOrderAsync(workOrderId, HttpContext.RequestAborted);
        return View(
            "/Features/Penalties/Components/WorkOrderPenalties/Default.cshtml",
            new WorkOrderPenaltiesView(workOrderId, timeZone, lines, canManage)
        );
    }
}

public sealed record WorkOrderPenaltiesView(long WorkOrderId, string? TimeZone, IReadOnlyList<PenaltyLine> Lines, bool CanManage)
{
    public long NetFen => Lines.Sum(l => l.AmountFen);

    /// <summary>A manager may waive an entry that is not itself a counter-entry, not yet cancelled, and not zero.</summary>
    public bool CanWaive(PenaltyLine l) => CanManage && !l.Kind.IsCounterEntry() && l.CounterEntryId is null && l.AmountFen != 0;
}
