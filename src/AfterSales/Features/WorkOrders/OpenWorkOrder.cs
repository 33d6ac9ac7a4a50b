using AfterSales.Features.Contracts;
using AfterSales.Features.Customers;
using AfterSales.Features.WorkOrders.Clocks;
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

    // Compiled once: an API intake's reads skip EF's translation and query-cache lookup.
    static readonly Func<AppDbContext, long, CancellationToken, Task<CustomerZone?>> CustomerById = EF.CompileAsyncQuery(
        (AppDbContext db, long id, CancellationToken _) =>
            db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => new CustomerZone(c.Id, c.TimeZone)).SingleOrDefault()
    );

    static readonly Func<AppDbContext, long, long, CancellationToken, Task<Contract?>> ContractOf = EF.CompileAsyncQuery(
        (AppDbContext db, long id, long customerId, CancellationToken _) =>
            db.Contracts.AsNoTracking().SingleOrDefault(c => c.Id == id && c.CustomerId == customerId)
    );

    sealed record CustomerZone(long Id, string TimeZone);

    public async Task<Result> HandleAsync(Intake intake, Actor by, string? idempotencyKey, CancellationToken ct)
    {
        var plan = await PlanAsync(intake, ct);
        try
        {
            // The idempotency probe, the numbering and the insert ride on a group commit: one durable
            // commit for many intakes, and no extra round trip for the probe. A retry is rare: the
            // writer only says the key is taken, the request then reads the earlier work order.
            var workOrder = await writer.WriteAsync(
                me,
                async (tx, _) =>
                    idempotencyKey is not null && await IntakeWriter.For(tx).IsTakenAsync(idempotencyKey, CancellationToken.None)
                        ? null
                        : await InsertAsync(tx, plan, by, idempotencyKey)
            );
            if (workOrder is not null)
                return new Result(workOrder, false);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same key raced in from another application node: that one won; answer with its work order.
        }
        return await FindByKeyAsync(idempotencyKey!, ct) is { } earlier
            ? new Result(earlier, true)
            : throw new DomainException("请求冲突，请重试");
    }

    /// <summary>
    /// The same intake inside the caller's open transaction on this request's context, for a change
    /// that must commit with its work order or not at all (a complaint's re-service remedy): nothing
    /// is written when the caller rolls back.
    /// </summary>
    public async Task<WorkOrder> OpenWithinAsync(Intake intake, Actor by, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("OpenWithinAsync needs the caller's transaction.");
        var plan = await PlanAsync(intake, ct);
        return await InsertAsync(db, plan, by, null);
    }

    sealed record Plan(
        Intake Intake,
        CustomerZone Customer,
        Contract? Contract,
        ServiceTerms Terms,
        CoverageDecision Coverage,
        IServiceCalendar Calendar,
        DateTime Now
    );

    /// <summary>Checks the customer and assets and decides coverage and calendar; reads only.</summary>
    async Task<Plan> PlanAsync(Intake intake, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var customer = await CustomerById(db, intake.CustomerId, ct) ?? throw DomainException.For("CustomerId", "用户单位不存在");
        var assets =
            intake.AssetIds.Count == 0 ? [] : await db.Assets.AsNoTracking().Where(a => intake.AssetIds.Contains(a.Id)).ToListAsync(ct);
        if (assets.Count != intake.AssetIds.Distinct().Count() || assets.Any(a => a.CustomerId != customer.Id))
            throw DomainException.For("AssetIds", "所选设备不属于该用户单位");
        var contractId = assets.Select(a => (long?)a.ContractId).FirstOrDefault() ?? intake.ContractId;
        Contract? contract = null;
        if (contractId is { } cid)
        {
            contract = await ContractOf(db, cid, customer.Id, ct);
            if (contract is null)
                throw DomainException.For("ContractId", "合同不属于该用户单位");
        }
        ReceivedAtRule.Check(intake.ReceivedAtUtc, now, contract?.SignedOn, customer.TimeZone, limits.MaxBackdateDays);
        var terms = contract?.Terms ?? ServiceTerms.TenderDefaults();
        var receivedDay = DateOnly.FromDateTime(Platform.Formatting.Display.ToLocal(intake.ReceivedAtUtc, customer.TimeZone));
        var coverage = CoverageDecision.Decide(intake.Cause, contract?.Coverage, receivedDay);
        var calendar = await calendars.ForAsync(terms.Calendar, customer.TimeZone, ct);

        return new Plan(intake, customer, contract, terms, coverage, calendar, now);
    }

    static async Task<WorkOrder> InsertAsync(AppDbContext target, Plan p, Actor by, string? idempotencyKey)
    {
        var rows = IntakeWriter.For(target);
        var number = await rows.NextNumberAsync(p.Intake.ReceivedAtUtc, CancellationToken.None);
        var opened = WorkOrder.Open(
            number,
            p.Intake with
            {
                ContractId = p.Contract?.Id,
            },
            p.Terms,
            p.Coverage,
            p.Calendar,
            p.Customer.TimeZone,
            by,
            p.Now,
            idempotencyKey
        );
        await rows.InsertAsync(opened, CancellationToken.None);
        return opened;
    }

    Task<WorkOrder?> FindByKeyAsync(string key, CancellationToken ct) =>
        db.WorkOrders.Include(w => w.Clocks).Include(w => w.Assets).AsNoTracking().SingleOrDefaultAsync(w => w.IdempotencyKey == key, ct);
}
