using System.Data.Common;
using AfterSales.Platform.Audit;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.Features.WorkOrders;

/// <summary>
/// The intake's part on the group-commit writer (<see cref="GroupCommit"/>): takes the next number
/// and inserts the new work order with its assets, clocks, events and audit row, the same rows
/// SaveChanges would write, and its place in the board search's queue. The writer is one thread for every intake of the application, so its
/// cost per intake bounds the intake rate: here each statement is prepared once per lease of the writer's context
/// (one batch of intakes) and re-run for each intake of the batch, instead of EF's change tracking,
/// command building and SQLite preparing every statement anew for every intake.
/// </summary>
internal sealed class IntakeWriter
{
    readonly AppDbContext _db;
    readonly RowWriter _rows;
    DbCommand? _counter;
    DbCommand? _taken;

    IntakeWriter(AppDbContext db) => (_db, _rows) = (db, new RowWriter(db));

    /// <summary>The writer for this context: its statements live as long as the context's lease (one batch).</summary>
    public static IntakeWriter For(AppDbContext db) => db.Leased(d => new IntakeWriter(d));

    /// <summary>
    /// Whether a work order already holds this idempotency key. Asked on the writer, inside the batch's
    /// transaction, so an earlier request of the same batch counts too and no request pays a round
    /// trip of its own for the rare retry. The unique index still catches a key another node wrote.
    /// </summary>
    public async Task<bool> IsTakenAsync(string idempotencyKey, CancellationToken ct)
    {
        _taken ??= Command("""SELECT 1 FROM "WorkOrders" WHERE "IdempotencyKey" = @key""");
        _taken.Parameters[0].Value = idempotencyKey;
        return await _taken.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>The next 工单号 of the day of receipt (see <see cref="WorkOrderNumbers"/>).</summary>
    public async Task<string> NextNumberAsync(DateTime receivedAtUtc, CancellationToken ct)
    {
        var key = WorkOrderNumbers.KeyOf(receivedAtUtc);
        _counter ??= Command(WorkOrderNumbers.NextSql);
        _counter.Parameters[0].Value = key;
        var last = Convert.ToInt32(await _counter.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return WorkOrderNumbers.Format(key, last);
    }

    /// <summary>
    /// Inserts the work order opened by <see cref="WorkOrder.Open"/> and everything it holds, and sets
    /// the generated keys on the entities as SaveChanges would. A unique key that raced in (the same
    /// idempotency key on another request) surfaces as a <see cref="DbUpdateException"/>, as from SaveChanges.
    /// </summary>
    public async Task InsertAsync(WorkOrder w, CancellationToken ct)
    {
        try
        {
            var id = await _rows.InsertAsync(w, ct);
            Set(w, nameof(WorkOrder.Id), id);
            foreach (var a in w.Assets)
            {
                await _rows.InsertAsync(a, ct, (nameof(WorkOrderAsset.WorkOrderId), id));
                Set(a, nameof(WorkOrderAsset.WorkOrderId), id);
            }
            foreach (var c in w.Clocks)
            {
                Set(c, nameof(WorkOrderClock.Id), await _rows.InsertAsync(c, ct, (nameof(WorkOrderClock.WorkOrderId), id)));
                Set(c, nameof(WorkOrderClock.WorkOrderId), id);
            }
            foreach (var e in w.Events)
            {
                Set(e, nameof(WorkOrderEvent.Id), await _rows.InsertAsync(e, ct, (nameof(WorkOrderEvent.WorkOrderId), id)));
                Set(e, nameof(WorkOrderEvent.WorkOrderId), id);
            }
            // Open from the start: findable on the board's search at once, as queued until indexed.
            await Board.Search.SearchIndex.For(_db).QueueAsync(id, ct);
            // The audit row the context writes for every new audited row, from the same entry data.
            var entry = _db.Entry(w);
            foreach (
                var audit in AuditLog.Complete(
                    [new AuditLog.Pending(entry, AuditAction.Created, [])],
                    _db.User,
                    _db.Clock.GetUtcNow().UtcDateTime
                )
            )
                await _rows.InsertAsync(audit, ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException("The new work order could not be saved.", e);
        }
    }

    DbCommand Command(string sql)
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // constant SQL of this class, with parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        var key = command.CreateParameter();
        key.ParameterName = "@key";
        command.Parameters.Add(key);
        return command;
    }

    /// <summary>A generated key or foreign key onto the entity (private setters, as EF sets them).</summary>
    void Set(object entity, string property, long value) =>
        _db.Model.FindEntityType(entity.GetType())!.FindProperty(property)!.PropertyInfo!.SetValue(entity, value);
}
