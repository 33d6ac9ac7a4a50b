using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Inspections;

/// <summary>
/// 巡检窗口 of one contract, reached from the contract page: the summer and winter windows agreed
/// in it (the tender's defaults until changed), edited by staff who edit contracts. Rounds planned
/// from then on use them.
/// </summary>
[Authorize(Policy = Policies.EditMasterData)]
public sealed class WindowsModel(AppDbContext db, ContractWindows windows) : PageModel, IReloadsOnError
{
    [BindProperty(SupportsGet = true)]
    public long ContractId { get; set; }

    public string Number { get; private set; } = "";
    public InspectionWindowsOutput Current { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(InspectionWindowsInput windowsInput, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        if (await windows.AgreeAsync(ContractId, windowsInput.Summer!.ToWindow(), windowsInput.Winter!.ToWindow(), ct) is null)
            return NotFound();
        TempData["Flash"] = Texts.T("巡检窗口已保存");
        return this.SeeOther($"/Contracts/{ContractId}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        Number =
            await db.Contracts.Where(c => c.Id == ContractId).Select(c => c.Number).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        Current = InspectionWindowsApi.Output(
            ContractId,
            await db.InspectionWindows.AsNoTracking().SingleOrDefaultAsync(w => w.ContractId == ContractId, ct)
        );
    }
}
