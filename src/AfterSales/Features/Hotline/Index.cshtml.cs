using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Hotline;

/// <summary>
/// 来电记录: the latest calls, newest first, with the caller's customer when the number named
/// one, the rings it took, and from each call the agent's next step: open a work order or a
/// complaint with the customer already chosen.
/// </summary>
[Authorize(Policy = Policies.ReadCalls)]
public sealed class HotlineIndexModel(AppDbContext db, IAuthorizationService auth) : PageModel
{
    public const int PageSize = 100;

    public string? Number { get; private set; }
    public List<CallRow> Rows { get; private set; } = [];
    public bool CanLog { get; private set; }

    public async Task OnGetAsync(string? number, CancellationToken ct)
    {
        CanLog = (await auth.AuthorizeAsync(User, Policies.LogCalls)).Succeeded;
        Number = PhoneNumber.Normalize(number);
        var calls = db.Calls.AsNoTracking();
        if (Number is { } n)
        {
            var spellings = CallerLookup.Spellings(n);
            calls = calls.Where(c => c.CallerNumber != null && spellings.Contains(c.CallerNumber));
        }
        Rows = await calls
            .OrderByDescending(c => c.RingingAtUtc)
            .ThenByDescending(c => c.Id)
            .Take(PageSize)
            .Select(c => new CallRow(
                c.Id,
                c.RingingAtUtc,
                c.CallerNumber,
                c.CustomerId,
                db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).FirstOrDefault(),
                c.ContactName,
                c.Agent,
                c.AnsweredAtUtc != null,
                c.EndedAtUtc != null,
                c.Rings,
                c.MetPromise,
                c.WorkOrderId,
                c.Source
            ))
            .ToListAsync(ct);
        // The complaints taken from these calls, in one query (a complaint names its call, not the reverse).
        var ids = Rows.Select(r => (long?)r.Id).ToList();
        var complaints = await db
            .Complaints.AsNoTracking()
            .Where(k => ids.Contains(k.CallId))
            .Select(k => new { CallId = k.CallId!.Value, k.Id })
            .ToListAsync(ct);
        var byCall = complaints.GroupBy(k => k.CallId).ToDictionary(g => g.Key, g => g.Min(k => k.Id));
        Rows = [.. Rows.Select(r => byCall.TryGetValue(r.Id, out var k) ? r with { ComplaintId = k } : r)];
    }
}

public sealed record CallRow(
    long Id,
    DateTime? RingingAtUtc,
    string? CallerNumber,
    long? CustomerId,
    string? CustomerName,
    string? ContactName,
    string? Agent,
    bool Answered,
    bool Ended,
    int? Rings,
    bool? MetPromise,
    long? WorkOrderId,
    CallSource Source
)
{
    public string WorkOrderUrl => CallLinks.WorkOrder(Id, CustomerId);

    /// <summary>The complaint taken from this call, if any.</summary>
    public long? ComplaintId { get; init; }

    public string ComplaintUrl => CallLinks.Complaint(Id, CustomerId);
}

/// <summary>Where an agent goes from a call: the intake pages, told the call and its customer.</summary>
public static class CallLinks
{
    public static string WorkOrder(long callId, long? customerId) =>
        customerId is { } c ? $"/WorkOrders/New?customerId={c}&callId={callId}" : $"/WorkOrders/New?callId={callId}";

    public static string Complaint(long callId, long? customerId) =>
        customerId is { } c ? $"/Complaints/New?customerId={c}&callId={callId}" : $"/Complaints/New?callId={callId}";
}
