using AfterSales.Platform.Data;
using AfterSales.Platform.Formatting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Features.WorkOrders;

/// <summary>A counter per key (e.g. "GD-20261125"), incremented atomically by the database.</summary>
public sealed class DailyCounter
{
    public string Key { get; private set; } = "";
    public int Last { get; private set; }
}

internal sealed class DailyCounterConfiguration : IEntityTypeConfiguration<DailyCounter>
{
    public void Configure(EntityTypeBuilder<DailyCounter> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(32);
    }
}

/// <summary>
/// 工单号 GD-yyyyMMdd-NNNN by the Beijing date of receipt. The next number is taken with one
/// upsert … RETURNING statement inside the caller's transaction, so concurrent intakes (on one or
/// several nodes) never share a number; a rolled-back intake leaves a gap, never a duplicate.
/// </summary>
internal static class WorkOrderNumbers
{
    /// <summary>The upsert that takes the next number of a key, with the key as @key (both providers).</summary>
    public const string NextSql = """
        INSERT INTO "DailyCounters" ("Key", "Last") VALUES (@key, 1)
        ON CONFLICT ("Key") DO UPDATE SET "Last" = "DailyCounters"."Last" + 1
        RETURNING "Last"
        """;

    public static string KeyOf(DateTime receivedAtUtc) => $"GD-{Display.ToLocal(receivedAtUtc):yyyyMMdd}";

    public static string Format(string key, int last) => $"{key}-{last:D4}";

    public static async Task<string> NextAsync(AppDbContext db, DateTime receivedAtUtc, CancellationToken ct)
    {
        var key = KeyOf(receivedAtUtc);
        var next = await db
            .Database.SqlQuery<int>(
                $"""
                INSERT INTO "DailyCounters" ("Key", "Last") VALUES ({key}, 1)
                ON CONFLICT ("Key") DO UPDATE SET "Last" = "DailyCounters"."Last" + 1
                RETURNING "Last" AS "Value"
                """
            )
            .ToListAsync(ct);
        return Format(key, next[0]);
    }
}
