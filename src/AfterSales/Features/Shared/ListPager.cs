namespace AfterSales.Features;

/// <summary>
/// The pager under a list: a window of page numbers around the current one, each link swapping
/// the list's rows through htmx (and working as a plain link without it).
/// </summary>
public sealed record ListPager(int PageNumber, int PageCount, Func<int, string> Url, string Target = "#rows")
{
    public const int Window = 2;

    public static int CountPages(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>1, the pages near the current one and the last; null marks a gap.</summary>
    public IEnumerable<int?> Numbers()
    {
        int? previous = null;
        for (var i = 1; i <= PageCount; i++)
        {
            if (i != 1 && i != PageCount && Math.Abs(i - PageNumber) > Window)
                continue;
            if (previous is { } p && i > p + 1)
                yield return null;
            yield return previous = i;
        }
    }
}
