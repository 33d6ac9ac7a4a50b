using AfterSales.Features.Assets;
using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Contracts;

/// <summary>What the contract list page and the API filter by, in one place.</summary>
public static class ContractSearch
{
    public const int PageSize = 20;

    /// <summary>Number (any case), title or customer name containing the text (Chinese substring).</summary>
    public static IQueryable<Contract> Matching(
        this IQueryable<Contract> contracts,
        string? text,
        long? customerId,
        WarrantyStatus? warranty,
        DateOnly today
    )
    {
        if (customerId is { } cid)
            contracts = contracts.Where(c => c.CustomerId == cid);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            var upper = t.ToUpperInvariant();
            contracts = contracts.Where(c => c.Number.ToUpper().Contains(upper) || c.Title.Contains(t) || c.Customer!.Name.Contains(t));
        }
        return contracts.WithWarranty(warranty, today);
    }

    public static IQueryable<Contract> Newest(this IQueryable<Contract> contracts) =>
        contracts.OrderByDescending(c => c.SignedOn).ThenByDescending(c => c.Id);

    /// <summary>Contract numbers are unique across all customers; refused before saving, as a field error.</summary>
    public static async Task EnsureNumberFreeAsync(AppDbContext db, string number, long? exceptId, CancellationToken ct)
    {
        var n = number.Trim();
        if (await db.Contracts.AnyAsync(c => c.Number == n && c.Id != exceptId, ct))
            throw DomainException.For(nameof(Contract.Number), "合同编号“{0}”已被使用", n);
    }
}
