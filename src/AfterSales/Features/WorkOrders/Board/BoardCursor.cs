using System.Globalization;

namespace AfterSales.Features.WorkOrders.Board;

/// <summary>
/// The last key of a board page, (NextDueUtc, Id), carried by the "next page" link: the next page
/// starts right after it, so rows changing meanwhile never cause a duplicate or a gap the way an
/// offset would. Written as "ticks-id", or "n-id" in the part without a due time.
/// </summary>
public sealed record BoardCursor(DateTime? DueUtc, long Id)
{
    public override string ToString() =>
        $"{(DueUtc is { } d ? d.Ticks.ToString(CultureInfo.InvariantCulture) : "n")}-{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A cursor that cannot be read (edited by hand) starts from the first page.</summary>
    public static BoardCursor? Parse(string? text)
    {
        var parts = text?.Split('-');
        if (parts is not { Length: 2 } || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return null;
        if (parts[0] == "n")
            return new BoardCursor(null, id);
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            ? new BoardCursor(new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }
}
