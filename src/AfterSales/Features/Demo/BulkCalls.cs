using AfterSales.Features.Hotline;
using AfterSales.Platform.Data;

namespace AfterSales.Features.Demo;

/// <summary>
/// N hotline calls for the three-ring report benchmark, spread evenly over the past year among 40
/// agents: most answered within a few rings, some late, one in twenty missed. Each is built by the
/// call's own verbs (so rings, the met flag and the day are what the phone system's events would
/// give) and written as rows, one transaction per batch with its share of the report's rollup.
/// </summary>
internal static class BulkCalls
{
    const int Batch = 10_000;

    public static async Task<string> GenerateAsync(IServiceProvider sp, int count, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        var settings = sp.GetRequiredService<CallSettings>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var first = now.AddDays(-365);
        var step = (now.AddMinutes(-10) - first).Ticks / Math.Max(1, count);
        var prefix = $"bulk-{seed}-{now.Ticks}";
        for (var offset = 0; offset < count; offset += Batch)
        {
            await using var scope = sp.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var rows = new RowWriter(db);
            var written = new List<CallRecord>(Batch);
            for (var i = offset; i < Math.Min(count, offset + Batch); i++)
            {
                var ringing = first.AddTicks(step * i);
                var agent = $"80{random.Next(1, 41):00}";
                var call = CallRecord.FromPhoneSystem($"{prefix}-{i}", ringing, "bulk");
                call.Ring(ringing, agent, settings);
                if (random.Next(20) == 0)
                {
                    call.End(ringing.AddSeconds(random.Next(3, 60)), settings);
                }
                else
                {
                    // Mostly a ring or two; a long tail of busy moments.
                    var wait = random.Next(10) < 8 ? random.Next(0, 15_001) : random.Next(15_001, 90_000);
                    var answered = ringing.AddMilliseconds(wait);
                    call.Answer(answered, agent, settings);
                    call.End(answered.AddSeconds(random.Next(30, 600)), settings);
                }
                await rows.InsertAsync(call, ct);
                written.Add(call);
            }
            await CallRollup.AddAsync(db, written, ct);
            await tx.CommitAsync(ct);
        }
        return $"{count} calls generated";
    }
}
