using System.Data.Common;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Penalties;

/// <summary>
/// Runs one ledger transaction, again if another writer got there first. On PostgreSQL two
/// instances may append to one contract at once: the second fails on the chain head or the unique
/// sequence and its transaction rolls back whole. The retry starts from scratch: it re-reads the
/// head and re-checks every rule, so a waiver raced by another waiver of the same entry ends as
/// "already waived", not as a second counter-entry. On SQLite writers are serialised (transactions
/// begin IMMEDIATE), so a retry is rare.
/// </summary>
internal static class LedgerRetry
{
    const int Attempts = 8;

    public static async Task<T> RunAsync<T>(AppDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var result = await work(ct);
                await tx.CommitAsync(ct);
                return result;
            }
            catch (Exception e) when (attempt < Attempts && e is DbUpdateException or DbException)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                // Jitter keeps two instances that collided from colliding again in step.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }
}
