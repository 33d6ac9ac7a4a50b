using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Complaints;

/// <summary>
/// 投诉编号 TS-yyyyMMdd-NNNN by the Beijing date of receipt, from the same atomic daily counters
/// as work-order numbers (one upsert … RETURNING inside the caller's transaction): concurrent
/// intakes never share a number; a rolled-back intake leaves a gap.
/// </summary>
internal static class ComplaintNumbers
{
    public static async Task<string> NextAsync(AppDbContext db, DateTime receivedAtUtc, CancellationToken ct)
    {
        var key = $"TS-{Display.ToLocal(receivedAtUtc):yyyyMMdd}";
        var next = await db
            .Database.SqlQuery<int>(
                $"""
                INSERT INTO "DailyCounters" ("Key", "Last") VALUES ({key}, 1)
                ON CONFLICT ("Key") DO UPDATE SET "Last" = "DailyCounters"."Last" + 1
                RETURNING "Last" AS "Value"
                """
            )
            .ToListAsync(ct);
        return $"{key}-{next[0]:D4}";
    }
}
