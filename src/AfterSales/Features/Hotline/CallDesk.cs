using AfterSales.Features.Customers;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Hotline;

/// <summary>An agent's work on the call log: calls logged by hand, and the work order opened from a call.</summary>
public sealed class CallDesk(AppDbContext db, CurrentUser me, TimeProvider clock, CallSettings settings)
{
    public async Task<CallRecord> LogAsync(ManualCall input, CancellationToken ct)
    {
        var number = PhoneNumber.Normalize(input.CallerNumber);
        if (number is not null && !PhoneNumber.IsValid(number))
            throw DomainException.For("CallerNumber", "“{0}”不是有效的手机或固定电话号码", input.CallerNumber);
        var (customerId, contact) = (input.CustomerId, input.ContactName);
        if (customerId is { } id)
        {
            if (!await db.Customers.AnyAsync(c => c.Id == id, ct))
                throw DomainException.For("CustomerId", "用户单位不存在");
        }
        else if (await CallerLookup.FindAsync(db, number, ct) is { } caller)
        {
            (customerId, contact) = (caller.CustomerId, contact ?? caller.ContactName);
        }
        var agent = input.Agent ?? me.Principal?.Identity?.Name ?? me.DisplayName;
        var call = CallRecord.LogByHand(
            input with
            {
                CallerNumber = number,
                CustomerId = customerId,
                ContactName = contact,
                Agent = agent,
            },
            settings,
            clock.GetUtcNow().UtcDateTime,
            me.DisplayName
        );
        db.Calls.Add(call);
        await CallRollup.SaveAsync(db, ct);
        return call;
    }

    /// <summary>Remembers the work order opened from a call; a call that does not exist is ignored (the work order stands).</summary>
    public async Task LinkWorkOrderAsync(long callId, long workOrderId, CancellationToken ct)
    {
        var call = await db.Calls.SingleOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null || call.WorkOrderId is not null)
            return;
        call.LinkWorkOrder(workOrderId);
        try
        {
            await CallRollup.SaveAsync(db, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An event of the same call landed meanwhile: link on the fresh row.
            db.ChangeTracker.Clear();
            var fresh = await db.Calls.SingleAsync(c => c.Id == callId, ct);
            fresh.LinkWorkOrder(workOrderId);
            await CallRollup.SaveAsync(db, ct);
        }
    }
}
