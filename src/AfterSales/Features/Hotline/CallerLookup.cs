using AfterSales.Features.Customers;
using AfterSales.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Hotline;

/// <summary>
/// The caller's customer, found by the number the phone system reports. Contacts keep numbers as
/// typed (0571-88888888), a phone system sends digits (057188888888, +8657188888888), so the
/// lookup tries the spellings a number can have, each an index seek. A number shared by contacts
/// of two customers names none: the agent picks.
/// </summary>
public static class CallerLookup
{
    public sealed record Caller(long CustomerId, string ContactName);

    public static async Task<Caller?> FindAsync(AppDbContext db, string? number, CancellationToken ct)
    {
        if (PhoneNumber.Normalize(number) is not { } normalized)
            return null;
        var spellings = Spellings(normalized);
        var matches = await db
            .Contacts.AsNoTracking()
            .Where(k => k.Phone != null && spellings.Contains(k.Phone))
            .Select(k => new { k.CustomerId, k.Name })
            .Take(20)
            .ToListAsync(ct);
        return matches.Select(m => m.CustomerId).Distinct().Count() == 1 ? new Caller(matches[0].CustomerId, matches[0].Name) : null;
    }

    /// <summary>The number as given, as digits, and a landline's digits with the dash after a 3- or 4-digit area code.</summary>
    public static List<string> Spellings(string normalized)
    {
        var digits = PhoneNumber.Digits(normalized);
        var all = new List<string> { normalized, digits };
        if (digits.StartsWith('0') && digits.Length >= 10)
            all.AddRange([$"{digits[..3]}-{digits[3..]}", $"{digits[..4]}-{digits[4..]}"]);
        return [.. all.Distinct()];
    }
}
