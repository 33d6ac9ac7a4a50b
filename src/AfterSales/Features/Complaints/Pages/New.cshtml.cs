using AfterSales.Features.Customers;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Pages;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using AfterSales.Platform.Htmx;
using AfterSales.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints.Pages;

/// <summary>
/// 投诉受理: an agent logs a complaint taken by phone, email or letter (<c>?customerId=</c> picks the
/// customer, <c>?callId=</c> links the hotline call it came from); a customer user files one for its
/// own organisation in the portal, where the customer and the channel are fixed.
/// </summary>
[Authorize(Policy = Policies.FileComplaints)]
public sealed class NewComplaintModel(AppDbContext db, TimeProvider clock, ReceiveComplaint receive, CurrentUser me)
    : PageModel,
        IReloadsOnError
{
    [BindProperty]
    public ComplaintForm Input { get; set; } = new();

    /// <summary>A key per filled-in form, so a double click files one complaint.</summary>
    [BindProperty]
    public string? FormKey { get; set; }

    public string? Q { get; private set; }
    public Customer? Customer { get; private set; }
    public List<CustomerMatch> Matches { get; private set; } = [];
    public List<(long Id, string Number, string Description)> WorkOrders { get; private set; } = [];
    public bool IsPortal => me.IsCustomer;

    public async Task OnGetAsync(long? customerId, long? callId, long? workOrderId, string? q, CancellationToken ct)
    {
        FormKey = Guid.NewGuid().ToString("N");
        (Input.CallId, Input.WorkOrderId, Q) = (callId, workOrderId, q);
        // From a logged call: the caller is the contact, and the customer the number named, unless chosen.
        var call = callId is { } cid && !IsPortal ? await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid, ct) : null;
        if ((customerId ?? call?.CustomerId) is { } id)
            Input.CustomerId = id;
        await ReloadAsync(ct);
        if (Customer is not null)
        {
            Input.ReceivedAt = LocalTime.Minute(clock.GetUtcNow().UtcDateTime, Customer.TimeZone);
            if (call is { CallerNumber: not null } && call.CustomerId == Customer.Id)
                (Input.ContactName, Input.ContactPhone) = (call.ContactName, call.CallerNumber);
            else if (Customer.Contacts.OrderByDescending(k => k.IsPrimary).FirstOrDefault() is { } contact && !IsPortal)
                (Input.ContactName, Input.ContactPhone) = (contact.Name, contact.Phone);
        }
        else if (!string.IsNullOrWhiteSpace(Q))
            Matches = await CustomerMatch.FindAsync(db, Q, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ReloadAsync(ct);
        if (Customer is null)
            ModelState.AddModelError("Input.CustomerId", Texts.T("请选择用户单位"));
        if (!ModelState.IsValid || Customer is null)
            return this.Invalid();
        var now = clock.GetUtcNow().UtcDateTime;
        // In the portal the complaint is filed now, by the customer, for its own organisation.
        var received = !IsPortal && Input.ReceivedAt is { } local ? LocalTime.ToUtc(local, Customer.TimeZone, "ReceivedAt") : now;
        var intake = new ComplaintIntake(
            Customer.Id,
            Input.ContactName,
            PhoneNumber.Normalize(Input.ContactPhone),
            IsPortal ? ComplaintChannel.Portal : Input.Channel,
            Input.Category,
            Input.WorkOrderId,
            Input.StaffMember,
            Input.Description,
            Input.Wish,
            received,
            Input.BackdateReason,
            Input.IsMajor,
            Input.CallId
        );
        var key = string.IsNullOrWhiteSpace(FormKey) ? null : $"page:{me.UserId}:{FormKey.Trim()}";
        var (c, _) = await receive.HandleAsync(intake, me.AsActor(), key, ct);
        TempData["Flash"] = Texts.T("已受理投诉 {0}", c.Number);
        return this.SeeOther($"/Complaints/{c.Id}");
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        // A customer user files for its own organisation only, whatever the form says.
        if (me.CustomerId is { } own)
            Input.CustomerId = own;
        if (Input.CustomerId <= 0)
            return;
        Customer = await db.Customers.AsNoTracking().Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == Input.CustomerId, ct);
        if (Customer is null)
            return;
        WorkOrders =
        [
            .. (
                await db
                    .WorkOrders.AsNoTracking()
                    .Where(w => w.CustomerId == Customer.Id)
                    .OrderByDescending(w => w.ReceivedAtUtc)
                    .Take(30)
                    .Select(w => new
                    {
                        w.Id,
                        w.Number,
                        w.Description,
                    })
                    .ToListAsync(ct)
            ).Select(w => (w.Id, w.Number, w.Description)),
        ];
    }
}
