using AfterSales.Features.Contracts;
using AfterSales.Features.WorkOrders;
using AfterSales.Features.WorkOrders.Clocks;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints;

/// <summary>
/// Complaint intake (投诉受理), shared by the agent's page, the customer portal and the API:
/// checks the customer and the related work order, numbers the complaint and starts its clocks
/// in one transaction. With an idempotency key a retried request returns the complaint created
/// the first time.
/// </summary>
public sealed class ReceiveComplaint(AppDbContext db, TimeProvider clock, ServiceCalendarProvider calendars)
{
    public sealed record Result(Complaint Complaint, bool Replayed);

    public async Task<Result> HandleAsync(ComplaintIntake intake, Actor by, string? idempotencyKey, CancellationToken ct)
    {
        if (idempotencyKey is not null && await FindByKeyAsync(idempotencyKey, ct) is { } earlier)
            return new Result(earlier, true);
        var now = clock.GetUtcNow().UtcDateTime;
        // The customer scope filter applies: a customer user can name only its own organisation.
        var customer =
            await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == intake.CustomerId, ct)
            ?? throw DomainException.For("CustomerId", "用户单位不存在");
        if (intake.WorkOrderId is { } wid && !await db.WorkOrders.AnyAsync(w => w.Id == wid && w.CustomerId == customer.Id, ct))
            throw DomainException.For("WorkOrderId", "关联工单不属于该用户单位");
        var (terms, calendar) = await TermsAsync(customer.Id, customer.TimeZone, intake.WorkOrderId, ct);

        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var number = await ComplaintNumbers.NextAsync(db, intake.ReceivedAtUtc, ct);
            var complaint = Complaint.Receive(
                number,
                intake,
                TimeSpan.FromHours(terms.ComplaintReplyHours),
                calendar,
                customer.TimeZone,
                by,
                now,
                idempotencyKey
            );
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new Result(complaint, false);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key raced in on another request: that one won; answer with its complaint.
            db.ChangeTracker.Clear();
            return await FindByKeyAsync(idempotencyKey, ct) is { } winner
                ? new Result(winner, true)
                : throw new DomainException("请求冲突，请重试");
        }
    }

    /// <summary>
    /// The complaint reply window and calendar: the terms of the related work order's contract, else
    /// of the customer's latest contract, else the tender's defaults (24 hours, 7x24).
    /// </summary>
    public async Task<(ServiceTerms Terms, IServiceCalendar Calendar)> TermsAsync(
        long customerId,
        string timeZone,
        long? workOrderId,
        CancellationToken ct
    )
    {
        var contractId = workOrderId is { } wid
            ? await db.WorkOrders.Where(w => w.Id == wid).Select(w => w.ContractId).FirstOrDefaultAsync(ct)
            : null;
        var contract = contractId is { } cid
            ? await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct)
            : await db
                .Contracts.AsNoTracking()
                .Where(c => c.CustomerId == customerId)
                .OrderByDescending(c => c.SignedOn)
                .ThenByDescending(c => c.Id)
                .FirstOrDefaultAsync(ct);
        var terms = contract?.Terms ?? ServiceTerms.TenderDefaults();
        return (terms, await calendars.ForAsync(terms.Calendar, timeZone, ct));
    }

    Task<Complaint?> FindByKeyAsync(string key, CancellationToken ct) =>
        db.Complaints.Include(c => c.Clocks).AsNoTracking().SingleOrDefaultAsync(c => c.IdempotencyKey == key, ct);
}
