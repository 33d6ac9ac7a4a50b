using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Hotline;

/// <summary>A share of calls answered within three rings: met of counted.</summary>
public sealed record RingShare(int Counted, int Met)
{
    /// <summary>Met ÷ counted, or null when no call counted.</summary>
    public double? Share => Counted == 0 ? null : (double)Met / Counted;
}

public sealed record DayShare(DateOnly Day, RingShare Share);

public sealed record AgentShare(string? Agent, RingShare Share);

public sealed record CallReportOutput(DateOnly From, DateOnly To, RingShare Overall, List<DayShare> Days, List<AgentShare> Agents);

/// <summary>
/// 接听率: the share of calls answered within three rings, per day, per agent and overall, over
/// the days of the hotline's zone from <c>From</c> to <c>To</c> inclusive. Calls still ringing
/// do not count yet; unanswered calls count as missed. The (day, agent) totals come from the
/// rollup <see cref="CallDayTotal"/> (kept with every call change, see <see cref="CallRollup"/>):
/// a range of its key, a few thousand rows for a year; days and agents are folded from them in memory.
/// </summary>
public static class CallReport
{
    public static async Task<CallReportOutput> RunAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var groups = await db
            .CallDayTotals.AsNoTracking()
            .Where(t => t.Day >= from && t.Day <= to && t.Counted > 0)
            .Select(t => new
            {
                Day = (DateOnly?)t.Day,
                Agent = t.Agent == CallDayTotal.NoAgent ? null : t.Agent,
                Counted = (int)t.Counted,
                Met = (int)t.Met,
            })
            .ToListAsync(ct);
        var days = groups
            .GroupBy(g => g.Day!.Value)
            .OrderBy(g => g.Key)
            .Select(g => new DayShare(g.Key, new RingShare(g.Sum(x => x.Counted), g.Sum(x => x.Met))))
            .ToList();
        var agents = groups
            .GroupBy(g => g.Agent)
            .Select(g => new AgentShare(g.Key, new RingShare(g.Sum(x => x.Counted), g.Sum(x => x.Met))))
            .OrderByDescending(a => a.Share.Counted)
            .ThenBy(a => a.Agent, StringComparer.Ordinal)
            .ToList();
        var overall = new RingShare(days.Sum(d => d.Share.Counted), days.Sum(d => d.Share.Met));
        return new CallReportOutput(from, to, overall, days, agents);
    }
}
