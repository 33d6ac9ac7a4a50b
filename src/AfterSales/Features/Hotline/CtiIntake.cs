using AfterSales.Platform.Auth;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Hotline;

/// <summary>An event as the phone system posts it.</summary>
public sealed record CtiEvent(string EventId, string CallId, CallEventType Type, DateTime AtUtc, string? CallerNumber, string? Agent);

/// <summary>
/// Applies the phone system's events to calls, exactly once. Each event is written with its
/// call in one transaction, through the group commit (thousands of events a second on durable
/// commits). The event's unique id is the guard: the event is inserted only if its id is new
/// (INSERT … ON CONFLICT DO NOTHING), so a resent event, wherever and however shortly before it
/// was first written, is answered as a duplicate with nothing changed, and no error is raised or
/// logged for it. Two nodes creating or changing the same call at once collide on the call's
/// unique id or its version; the loser retries on fresh data.
/// </summary>
public sealed class CtiIntake(AppDbContext db, GroupCommit writer, CurrentUser me, TimeProvider clock, CallSettings settings)
{
    public sealed record Result(long CallId, bool Duplicate);

    // A burst of resends on several nodes keeps one call busy: every event of it may lose to
    // another a few times before it finds the call (or itself) committed.
    const int Attempts = 20;

    public async Task<Result> HandleAsync(CtiEvent e, CancellationToken ct)
    {
        // No probe for a resend here: the writer's insert-if-new answers it (one prepared statement
        // there instead of two queries for every event here).
        if (e.AtUtc > clock.GetUtcNow().UtcDateTime.AddMinutes(5))
            throw DomainException.For("At", "事件时间不能晚于当前时间");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await writer.WriteAsync(me, (tx, _) => WriteAsync(tx, e));
            }
            catch (Exception x)
                when (attempt < Attempts && (x is DbUpdateException || x.GetBaseException() is System.Data.Common.DbException))
            {
                // The call raced in elsewhere or changed under us (retry on it); on PostgreSQL two
                // nodes' batches may also deadlock on each other's rows (the same event or call sent
                // to both), and the victim fails with the database's own error: retry it too.
                if (await ExistingAsync(e.EventId, ct) is { } raced)
                    return raced;
                // The winner may sit in a batch that has not committed yet: give it time to.
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt), ct);
            }
        }
    }

    async Task<Result> WriteAsync(AppDbContext tx, CtiEvent e)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The event insert, prepared once per lease of the writer's context (one batch) and re-run for each event of it.
        var rows = tx.Leased(t => new EventInsert(t)).Rows;
        var stored = new CallEvent(e.EventId, e.CallId, e.Type, e.AtUtc, e.CallerNumber, e.Agent, now, me.DisplayName);
        if (await rows.InsertIfNewAsync(stored, CancellationToken.None) == 0)
        {
            // Written since the probe: earlier in this batch, or by another node (committed now;
            // PostgreSQL waited for it). Either way this one is the resend.
            var callId = await (
                from x in tx.CallEvents
                where x.EventId == e.EventId
                join c in tx.Calls on x.CallExternalId equals c.ExternalId
                select c.Id
            ).FirstAsync(CancellationToken.None);
            return new Result(callId, true);
        }
        var call = await tx.Calls.SingleOrDefaultAsync(c => c.ExternalId == e.CallId, CancellationToken.None);
        if (call is null)
        {
            call = CallRecord.FromPhoneSystem(e.CallId, now, me.DisplayName);
            tx.Calls.Add(call);
        }
        // The caller is looked up once, with the first event that names a number (a call's later
        // events repeat it): a call identified, or whose number found no single customer, keeps that.
        if (call.CustomerId is null && e.CallerNumber is { Length: > 0 } number && number != call.CallerNumber)
        {
            var caller = await CallerLookup.FindAsync(tx, number, CancellationToken.None);
            call.Identify(number, caller?.CustomerId, caller?.ContactName);
        }
        switch (e.Type)
        {
            case CallEventType.Ringing:
                call.Ring(e.AtUtc, e.Agent, settings);
                break;
            case CallEventType.Answered:
                call.Answer(e.AtUtc, e.Agent, settings);
                break;
            case CallEventType.Ended:
                call.End(e.AtUtc, settings);
                break;
            default:
                throw DomainException.For("Type", "未知的事件类型“{0}”", e.Type);
        }
        await CallRollup.SaveInBatchAsync(tx, CancellationToken.None);
        return new Result(call.Id, false);
    }

    async Task<Result?> ExistingAsync(string eventId, CancellationToken ct)
    {
        var external = await db
            .CallEvents.AsNoTracking()
            .Where(x => x.EventId == eventId)
            .Select(x => x.CallExternalId)
            .FirstOrDefaultAsync(ct);
        if (external is null)
            return null;
        var callId = await db.Calls.AsNoTracking().Where(c => c.ExternalId == external).Select(c => c.Id).FirstAsync(ct);
        return new Result(callId, true);
    }

    /// <summary>This feature's own statements on a writer's context, apart from any other feature's.</summary>
    sealed class EventInsert(AppDbContext tx)
    {
        public RowWriter Rows { get; } = new(tx);
    }
}
