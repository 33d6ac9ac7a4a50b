using AfterSales.Platform.Data;
using AfterSales.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Features.Customers;

/// <summary>A customer's sites, for the pages and the API.</summary>
public sealed class SiteEditor(AppDbContext db)
{
    public async Task<Site> FindAsync(long customerId, long siteId, CancellationToken ct) =>
        await db.Sites.FirstOrDefaultAsync(s => s.Id == siteId && s.CustomerId == customerId, ct) ?? throw new NotFoundException();

    public async Task<Site> AddAsync(long customerId, SiteInput input, CancellationToken ct)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct) ?? throw new NotFoundException();
        var site = customer.AddSite(input.Name, input.Address);
        await db.SaveChangesAsync(ct);
        return site;
    }

    public async Task<Site> UpdateAsync(long customerId, long siteId, SiteInput input, CancellationToken ct)
    {
        var site = await FindAsync(customerId, siteId, ct);
        site.Update(input.Name, input.Address);
        await db.SaveChangesAsync(ct);
        return site;
    }

    /// <summary>A site with installed products stays: the assets and their history point at it.</summary>
    public async Task<Site> DeleteAsync(long customerId, long siteId, CancellationToken ct)
    {
        var site = await FindAsync(customerId, siteId, ct);
        var assets = await db.Assets.CountAsync(a => a.SiteId == siteId, ct);
        if (assets > 0)
            throw new DomainException("地点“{0}”还有{1}条设备记录，不能删除；请先将设备移到其他地点", site.Name, assets);
        db.Sites.Remove(site);
        await db.SaveChangesAsync(ct);
        return site;
    }
}
