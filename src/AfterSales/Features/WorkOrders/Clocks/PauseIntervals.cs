namespace AfterSales.Features.WorkOrders.Clocks;

/// <summary>
/// Pauses as the engine needs them: inside [start, stop], sorted, overlaps merged, an open pause
/// running to <see cref="DateTime.MaxValue"/>. Pauses recorded out of order or overlapping (two agents
/// pausing at once) still count each paused second once.
/// </summary>
internal static class PauseIntervals
{
    public static (DateTime From, DateTime To)[] Normalise(IReadOnlyList<Pause>? pauses, DateTime start, DateTime stop)
    {
        if (pauses is null || pauses.Count == 0)
            return [];
        var clipped = new List<(DateTime From, DateTime To)>(pauses.Count);
        foreach (var pause in pauses)
        {
            var (from, to) = (Max(pause.FromUtc, start), Min(pause.ToUtc ?? DateTime.MaxValue, stop));
            if (to > from)
                clipped.Add((from, to));
        }
        clipped.Sort();
        var merged = new List<(DateTime From, DateTime To)>(clipped.Count);
        foreach (var pause in clipped)
        {
            if (merged.Count > 0 && pause.From <= merged[^1].To)
                merged[^1] = (merged[^1].From, Max(merged[^1].To, pause.To));
            else
                merged.Add(pause);
        }
        return [.. merged];
    }

    static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
