using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Formatting;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders.Pages;

/// <summary>
/// 工单受理: the hotline agent picks the customer (search by name, contact phone or credit code),
/// ticks the assets and logs the request in under a minute. <c>?customerId=</c> or <c>?phone=</c>
/// (the caller's number) preselects the customer.
/// </summary>
[Authorize(Policy = Policies.HandleWorkOrders)]
public sealed class NewWorkOrderModel(AppDbContext db, TimeProvider clock, OpenWorkOrder open, CurrentUser me, Hotline.CallDesk calls)
    : PageModel,
        IReloadsOnError
{
    [BindProperty]
    public IntakeInput Input { get; set; } = new();

    /// <summary>A key per filled-in form, so a double click on 受理 opens one work order.</summary>
    [BindProperty]
    public string? FormKey { get; set; }

    /// <summary>The logged call the work order is opened from (<c>?callId=</c>): its caller and customer preselect the form, and the call links to the work order.</summary>
    [BindProperty]
    public long? CallId { get; set; }

    public string? Q { get; private set; }
    public Customer? Customer { get; private set; }
    public List<CustomerMatch> Matches { get; private set; } = [];
    public List<IntakeSite> Sites { get; private set; } = [];

    /// <summary>The link that picks a customer, keeping the caller's number.</summary>
    public string PickUrl(long customerId) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/WorkOrders/New",
            new Dictionary<string, string?>
            {
                ["customerId"] = customerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["phone"] = Input.ContactPhone,
                ["callId"] = CallId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }.Where(kv => kv.Value is not null)
        );

    public async Task OnGetAsync(long? customerId, string? phone, string? q, long? callId, CancellationToken ct)
    {
        FormKey = Guid.NewGuid().ToString("N");
        if (callId is { } cid && await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid, ct) is { } call)
        {
            CallId = call.Id;
            phone ??= call.CallerNumber;
            customerId ??= call.CustomerId;
        }
        Input.ContactPhone = PhoneNumber.Normalize(phone);
        Q = q ?? Input.ContactPhone;
        if (Input.ContactPhone is { } p)
        {
            // The caller's number names the customer when exactly one customer has a contact with it.
            // Stored as typed (0571-88886666), reported by the phone system as digits: any spelling matches.
            var spellings = Hotline.CallerLookup.Spellings(p);
            var callers = await db
                .Contacts.AsNoTracking()
                .Where(k => k.Phone != null && spellings.Contains(k.Phone) && (customerId == null || k.CustomerId == customerId))
                .ToListAsync(ct);
            if (callers.Select(k => k.CustomerId).Distinct().Count() == 1)
                (customerId, Input.ContactName) = (callers[0].CustomerId, callers[0].Name);
        }
        if (customerId is { } id)
            Input.CustomerId = id;
        await ReloadAsync(ct);
        if (Customer is not null)
            Input.ReceivedAt = LocalTime.Minute(clock.GetUtcNow().UtcDateTime, Customer.TimeZone);
        else if (!string.IsNullOrWhiteSpace(Q))
            Matches = await CustomerMatch.FindAsync(db, Q, ct);
    }

    /// <summary>Search as you type: the matching customers, as links that preselect one.</summary>
    public async Task<IActionResult> OnGetCustomersAsync(string? q, string? phone, long? callId, CancellationToken ct)
    {
        Q = q;
        CallId = callId;
        Input.ContactPhone = PhoneNumber.Normalize(phone);
        Matches = string.IsNullOrWhiteSpace(q) ? [] : await CustomerMatch.FindAsync(db, q, ct);
        return Partial("_CustomerMatches", this);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (Customer is null)
            ModelState.AddModelError("Input.CustomerId", Texts.T("请选择用户单位"));
        if (Sites.Count > 0 && Input.AssetIds.Count == 0 && !Input.AssetsUnsure)
            ModelState.AddModelError("Input.AssetIds", Texts.T("请选择设备，或勾选“不确定”"));
        if (!ModelState.IsValid || Customer is null)
            return this.Invalid();
        var now = clock.GetUtcNow().UtcDateTime;
        var received = Input.ReceivedAt is { } local ? LocalTime.ToUtc(local, Customer.TimeZone, "ReceivedAt") : now;
        var intake = new Intake(
            Customer.Id,
            null,
            Input.AssetsUnsure ? [] : Input.AssetIds,
            Input.Channel,
            received,
            Input.BackdateReason,
            Input.Description,
            Input.ContactName,
            PhoneNumber.Normalize(Input.ContactPhone),
            Input.IsMajor,
            Input.Cause
        );
        var key = string.IsNullOrWhiteSpace(FormKey) ? null : $"page:{me.UserId}:{FormKey.Trim()}";
        var (w, _) = await open.HandleAsync(intake, me.AsActor(), key, ct);
        if (CallId is { } callId)
            await calls.LinkWorkOrderAsync(callId, w.Id, ct);
        TempData["Flash"] = Texts.T("已受理工单 {0}：{1}（{2}）", w.Number, Texts.T(WorkOrderTitles.Of(w.Charge)), w.CoverageReasonText);
        return this.SeeOther($"/WorkOrders/{w.Id}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        if (Input.CustomerId <= 0)
            return;
        Customer = await db.Customers.AsNoTracking().Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == Input.CustomerId, ct);
        if (Customer is null)
            return;
        Sites = await IntakeSite.ForCustomerAsync(db, Customer, Display.Today(clock, Customer.TimeZone), ct);
    }
}
