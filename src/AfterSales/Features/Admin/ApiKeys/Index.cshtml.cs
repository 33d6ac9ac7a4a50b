using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Admin.ApiKeys;

/// <summary>
/// Keys of machine clients (CTI, mail gateway, ERP). A new key's secret is shown once, in the
/// answer to the form that created it; only its hash is stored.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, CurrentUser me, ApiKeyCache keys) : PageModel, IReloadsOnError
{
    [BindProperty]
    public ApiKeyInput Input { get; set; } = new();

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>The secret of the key just created; never stored, never shown again.</summary>
    public string? NewSecret { get; private set; }

    public string? NewName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await ReloadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await ReloadAsync(ct);
            return this.Invalid();
        }
        var scopes = ApiKeyScopes.Check(Input.Scopes);
        var (key, secret) = ApiKey.Create(Input.Name!.Trim(), scopes, me.DisplayName, clock.GetUtcNow().UtcDateTime);
        db.Add(key);
        await db.SaveChangesAsync(ct);
        (NewSecret, NewName) = (secret, key.Name);
        Input = new();
        ModelState.Clear();
        Response.Headers.CacheControl = "no-store";
        await ReloadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        var key = await db.Set<ApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException();
        key.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        keys.Invalidate();
        TempData["Flash"] = Texts.T("已吊销密钥“{0}”", key.Name);
        return this.SeeOther("/Admin/ApiKeys");
    }

    public async Task ReloadAsync(CancellationToken ct) =>
        Keys = await db.Set<ApiKey>().AsNoTracking().OrderBy(k => k.RevokedAtUtc != null).ThenByDescending(k => k.Id).ToListAsync(ct);
}
