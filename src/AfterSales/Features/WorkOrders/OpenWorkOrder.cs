using AfterSales.Features.Contracts;
using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.WorkOrders;

/// <summary>
/// Intake (工单受理), shared by the agent's page and the API: checks the customer and assets,
/// decides coverage, numbers the work order and starts its clocks, all in one transaction.
/// With an idempotency key a retried request returns the work order created the first time.
/// The write goes through <see cref="GroupCommit"/>, so intake keeps up with thousands of
/// requests a second on durable commits.
/// </summary>
public sealed class OpenWorkOrder(
    AppDbContext db,
    TimeProvider clock,
    ServiceCalendarProvider calendars,
    GroupCommit writer,
    CurrentUser me,
    IntakeLimits limits
)
{
    public sealed record Result(WorkOrder WorkOrder, bool Replayed);

    public async Task<Result> HandleAsync(Intake intake, Actor by, string? idempotencyKey, CancellationToken ct)
    {
        // A retry is rare: a probe of the unique index first, the whole work order only for a retry.
        if (
            idempotencyKey is not null
            && await db.WorkOrders.AnyAsync(w => w.IdempotencyKey == idempotencyKey, ct)
            && await FindByKeyAsync(idempotencyKey, ct) is { } earlier
        )
            return new Result(earlier, true);

        var now = clock.GetUtcNow().UtcDateTime;
        var customer =
            await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == intake.CustomerId, ct)
            ?? throw DomainException.For("CustomerId", "用户单位不存在");
        var assets =
            intake.AssetIds.Count == 0 ? [] : await db.Assets.AsNoTracking().Where(a => intake.AssetIds.Contains(a.Id)).ToListAsync(ct);
        if (assets.Count != intake.AssetIds.Distinct().Count() || assets.Any(a => a.CustomerId != customer.Id))
            throw DomainException.For("AssetIds", "所选设备不属于该用户单位");
        var contractId = assets.Select(a => (long?)a.ContractId).FirstOrDefault() ?? intake.ContractId;
        Contract? contract = null;
        if (contractId is { } cid)
        {
            contract = await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid && c.CustomerId == customer.Id, ct);
            if (contract is null)
                throw DomainException.For("ContractId", "合同不属于该用户单位");
        }
        ReceivedAtRule.Check(intake.ReceivedAtUtc, now, contract?.SignedOn, customer.TimeZone, limits.MaxBackdateDays);
        var terms = contract?.Terms ?? ServiceTerms.TenderDefaults();
        var receivedDay = DateOnly.FromDateTime(Platform.Formatting.Display.ToLocal(intake.ReceivedAtUtc, customer.TimeZone));
        var coverage = CoverageDecision.Decide(intake.Cause, contract?.Coverage, receivedDay);
        var calendar = await calendars.ForAsync(terms.Calendar, customer.TimeZone, ct);

        try
        {
            // Numbering and the insert ride on a group commit: one durable commit for many intakes.
            var workOrder = await writer.WriteAsync(
                me,
                async (tx, _) =>
                {
                    var rows = IntakeWriter.For(tx);
                    var number = await rows.NextNumberAsync(intake.ReceivedAtUtc, CancellationToken.None);
                    var opened = WorkOrder.Open(
                        number,
                        intake with
                        {
                            ContractId = contract?.Id,
                        },
                        terms,
                        coverage,
                        calendar,
                        customer.TimeZone,
                        by,
                        now,
                        idempotencyKey
                    );
                    await rows.InsertAsync(opened, CancellationToken.None);
                    return opened;
                }
            );
            return new Result(workOrder, false);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key raced in on another request: that one won; answer with its work order.
            return await FindByKeyAsync(idempotencyKey, ct) is { } winner
                ? new Result(winner, true)
                : throw new DomainException("请求冲突，请重试");
        }
    }

    Task<WorkOrder?> FindByKeyAsync(string key, CancellationToken ct) =>
        db.WorkOrders.Include(w => w.Clocks).Include(w => w.Assets).AsNoTracking().SingleOrDefaultAsync(w => w.IdempotencyKey == key, ct);
}
